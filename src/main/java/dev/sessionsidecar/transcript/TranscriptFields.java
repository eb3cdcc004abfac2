package dev.sessionsidecar.transcript;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.time.format.DateTimeParseException;

/**
 * The fields of a transcript line as the sidecar reads them: what must be there is there and of its
 * kind, or the line is malformed ({@link IllegalArgumentException}); a count left out is 0, since
 * agents leave out what they did not use.
 */
final class TranscriptFields {

  private TranscriptFields() {}

  static String text(JsonNode node, String field) {
    JsonNode value = node.path(field);
    if (!value.isTextual() || value.asText().isBlank()) {
      throw new IllegalArgumentException(field + " is missing or not text");
    }
    return value.asText();
  }

  static long count(JsonNode node, String field) {
    JsonNode value = node.path(field);
    if (value.isMissingNode() || value.isNull()) {
      return 0;
    }
    // A count past a long would wrap into a plausible number: refused, as a negative one is.
    if (!value.isIntegralNumber() || !value.canConvertToLong() || value.asLong() < 0) {
      throw new IllegalArgumentException(field + " is not a token count");
    }
    return value.asLong();
  }

  static Instant timestamp(JsonNode line) {
    try {
      return Instant.parse(text(line, "timestamp"));
    } catch (DateTimeParseException e) {
      throw new IllegalArgumentException("timestamp is not an ISO-8601 instant");
    }
  }

  /** The text parts of a list of content blocks joined by a space; null when it has none. */
  static String textParts(JsonNode blocks) {
    if (!blocks.isArray()) {
      return null;
    }
    StringBuilder text = new StringBuilder();
    for (JsonNode part : blocks) {
      if (part.path("text").isTextual()) {
        text.append(text.isEmpty() ? "" : " ").append(part.get("text").asText());
      }
    }
    return text.isEmpty() ? null : text.toString();
  }

  static JsonNode object(JsonNode line) {
    if (!line.isObject()) {
      throw new IllegalArgumentException("not a JSON object");
    }
    return line;
  }
}
