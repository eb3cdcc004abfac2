package dev.sessionsidecar.hook;

import com.fasterxml.jackson.databind.JsonNode;
import dev.sessionsidecar.platform.ApiException;
import dev.sessionsidecar.platform.PlainText;
import dev.sessionsidecar.platform.ProblemCode;
import dev.sessionsidecar.session.SessionIds;

/**
 * One hook input of an agent's client ({@code claude-code} or {@code codex}: the same wire format),
 * read leniently: fields this version does not know are ignored, since hooks gain fields between
 * releases. Only the session id must be usable.
 */
record HookEvent(JsonNode body, String client) {

  static HookEvent of(JsonNode body, String client) {
    if (body == null || !body.isObject()) {
      throw new ApiException(
          ProblemCode.MALFORMED_REQUEST,
          "A hook input is a JSON object with hook_event_name and session_id.");
    }
    return new HookEvent(body, client);
  }

  String name() {
    return text("hook_event_name", 100);
  }

  /**
   * The session id, exactly as sent; required, and it must be a usable session id (one with spaces
   * around it or a broken character is refused, not trimmed into another session's id).
   */
  String sessionId() {
    JsonNode node = body.get("session_id");
    String id = node != null && node.isTextual() ? node.asText() : null;
    if (!SessionIds.isValid(id)) {
      throw ApiException.invalidArgument("session_id", "is required: " + SessionIds.RULE);
    }
    return id;
  }

  /** A string field, cut to {@code max} characters, or null when absent or not a string. */
  String text(String field, int max) {
    JsonNode node = body.get(field);
    if (node == null || !node.isTextual() || node.asText().isEmpty()) {
      return null;
    }
    return PlainText.oneLine(node.asText(), max);
  }

  /** A string field that must be there, whole: 1 to {@code max} characters, else a 400. */
  String required(String field, int max) {
    JsonNode node = body.get(field);
    if (node == null
        || !node.isTextual()
        || node.asText().isBlank()
        || node.asText().length() > max) {
      throw ApiException.invalidArgument(
          field, "is required for " + name() + ": a string of 1 to " + max + " characters");
    }
    return PlainText.oneLine(node.asText(), max);
  }

  /** A one-line form of a field of any type, cut to {@code max} characters. */
  String summary(String field, int max) {
    JsonNode node = body.get(field);
    if (node == null || node.isNull()) {
      return null;
    }
    String text = node.isTextual() ? node.asText() : node.toString();
    return PlainText.oneLine(text, max);
  }

  JsonNode node(String field) {
    return body.get(field);
  }

  Long number(String field) {
    JsonNode node = body.get(field);
    return node != null && node.canConvertToLong() && node.asLong() >= 0 ? node.asLong() : null;
  }
}
