package dev.sessionsidecar.hook;

import com.fasterxml.jackson.databind.JsonNode;
import dev.sessionsidecar.platform.ApiException;
import dev.sessionsidecar.platform.PlainText;
import dev.sessionsidecar.platform.ProblemCode;
import dev.sessionsidecar.session.SessionIds;

/**
 * One hook input of an agent's client ({@code claude-code} or {@code codex}: the same wire format).
 * Fields this version does not know are ignored, since hooks gain fields between releases; a field
 * it reads is read exactly (ids and names whole, numbers as numbers, else a 400 naming it), except
 * free text, which is summarised on one line.
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

  /** The event's name, required. */
  String name() {
    String name = text("hook_event_name");
    if (name == null) {
      throw ApiException.invalidArgument("hook_event_name", "is required, e.g. PostToolUse");
    }
    return name;
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

  /**
   * A string field exactly as sent (its limits are checked where it is used), or null when absent,
   * null or empty; any other type is a 400.
   */
  String text(String field) {
    JsonNode node = body.get(field);
    if (node == null || node.isNull() || (node.isTextual() && node.asText().isEmpty())) {
      return null;
    }
    if (!node.isTextual()) {
      throw ApiException.invalidArgument(field, "must be a string");
    }
    return node.asText();
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

  /** A whole number of 0 or more, or null when absent or null; any other value is a 400. */
  Long number(String field) {
    JsonNode node = body.get(field);
    if (node == null || node.isNull()) {
      return null;
    }
    if (!node.canConvertToExactIntegral() || !node.canConvertToLong() || node.asLong() < 0) {
      throw ApiException.invalidArgument(field, "must be a whole number of 0 or more");
    }
    return node.asLong();
  }
}
