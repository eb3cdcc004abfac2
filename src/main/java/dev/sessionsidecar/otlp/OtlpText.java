package dev.sessionsidecar.otlp;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.sessionsidecar.platform.PlainText;

/** Telemetry text made fit to store: control characters out, lengths within the columns. */
final class OtlpText {

  private OtlpText() {}

  /** One line of at most {@code max} characters, ellipsis included; null when nothing is left. */
  static String cut(String text, int max) {
    String line = PlainText.oneLine(text, max);
    return line == null || line.isEmpty() ? null : line;
  }

  /** Arguments sent as a JSON string become JSON; any other text is kept as a string. */
  static JsonNode json(String text, ObjectMapper mapper) {
    if (text == null) {
      return null;
    }
    try {
      return mapper.readTree(text);
    } catch (java.io.IOException notJson) {
      return mapper.getNodeFactory().textNode(text);
    }
  }
}
