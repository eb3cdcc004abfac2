package dev.sessionsidecar.otlp;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.sessionsidecar.platform.PlainText;

/** Telemetry text made fit to store: control characters out, lengths within the columns. */
final class OtlpText {

  private OtlpText() {}

  static String cut(String text, int max) {
    if (text == null) {
      return null;
    }
    String clean = text.replaceAll("[\\p{Cc}\\p{Cs}]+", " ").strip();
    return clean.isEmpty() ? null : PlainText.abbreviate(clean, max - 1);
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
