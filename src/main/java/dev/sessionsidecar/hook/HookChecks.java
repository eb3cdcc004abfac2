package dev.sessionsidecar.hook;

import dev.sessionsidecar.platform.Violations;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import java.util.Map;
import java.util.Set;

/**
 * Checks what a hook event becomes (a tool call, a session start, a task-list entry) against the
 * limits of the REST body it is, once, and names the hook's own fields in the 400.
 */
@ApplicationScoped
class HookChecks {

  /** The request fields whose hook fields are named otherwise. */
  private static final Map<String, String> HOOK_FIELDS =
      Map.of(
          "call_id", "tool_use_id",
          "tool", "tool_name",
          "arguments", "tool_input",
          "result_summary", "tool_response",
          "agent", "agent_type",
          "project_path", "cwd",
          "entry_id", "task_id",
          "subject", "task_subject",
          "description", "task_description");

  private final Validator validator;

  HookChecks(Validator validator) {
    this.validator = validator;
  }

  /** The request if it is valid; else a 400 naming each bad field as the hook calls it. */
  <T> T valid(T request) {
    return valid(request, "");
  }

  /** The same for an object at {@code prefix} in the event, e.g. {@code tool_calls[2].}. */
  <T> T valid(T request, String prefix) {
    Set<ConstraintViolation<T>> violations = validator.validate(request);
    if (!violations.isEmpty()) {
      throw Violations.toApiException(
          violations, prefix, field -> HOOK_FIELDS.getOrDefault(field, field));
    }
    return request;
  }
}
