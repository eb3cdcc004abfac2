package dev.sessionsidecar.otlp;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.sessionsidecar.platform.PlainText;
import java.io.IOException;

/** Telemetry text made fit to store: control characters out, lengths within the columns. */
final class OtlpText {

  /** The longest id the columns keep whole (request ids, call ids). */
  static final int MAX_ID = 200;

  private OtlpText() {}

  /** One line of at most {@code max} characters, ellipsis included; null when nothing is left. */
  static String cut(String text, int max) {
    String line = PlainText.oneLine(text, max);
    return line == null || line.isEmpty() ? null : line;
  }

  /**
   * An id as sent, or null when absent; one longer than the column is an {@link
   * IllegalArgumentException}: cut, two ids sharing a prefix would count as one.
   */
  static String id(String key, String value) {
    if (value == null) {
      return null;
    }
    if (value.length() > MAX_ID || !PlainText.oneLine(value, MAX_ID).equals(value)) {
      throw new IllegalArgumentException(
          key + " must be at most " + MAX_ID + " characters on one line; it has " + value.length());
    }
    return value;
  }

  /** Arguments sent as a JSON string become JSON; any other text is kept as a string. */
  static JsonNode json(String text, ObjectMapper mapper) {
    if (text == null) {
      return null;
    }
    try {
      return mapper.readTree(text);
    } catch (IOException notJson) {
      return mapper.getNodeFactory().textNode(text);
    }
  }
}
