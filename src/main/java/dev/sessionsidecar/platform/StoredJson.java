package dev.sessionsidecar.platform;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.TextNode;

/**
 * JSON a client sent that the sidecar kept as text (tool-call arguments, a task's result), read
 * back for a reply: as JSON when any reply can carry it, else as the text itself.
 */
public final class StoredJson {

  /**
   * Deepest value given back as JSON. A request may nest 1,000 levels, and so may Jackson write; a
   * reply puts the value a few levels down (JSON-RPC, data, a list), so a value nested almost 1,000
   * deep would fail every later read of it. Real tool arguments nest a handful of levels.
   */
  public static final int MAX_DEPTH = 200;

  private static final ObjectMapper READER =
      new ObjectMapper(
          JsonFactory.builder()
              .streamReadConstraints(
                  StreamReadConstraints.builder().maxNestingDepth(MAX_DEPTH).build())
              .build());

  private StoredJson() {}

  /** The stored text as JSON; deeper than {@link #MAX_DEPTH} or not JSON, as a string. */
  public static JsonNode read(String text) {
    if (text == null) {
      return null;
    }
    try {
      return READER.readTree(text);
    } catch (JsonProcessingException e) {
      return TextNode.valueOf(text);
    }
  }
}
