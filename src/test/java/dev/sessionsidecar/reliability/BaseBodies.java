package dev.sessionsidecar.reliability;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.UncheckedIOException;
import java.util.Map;

/**
 * A valid body for each body operation of the API, which the generated tests spoil one field at a
 * time, and the records their paths name: a request that breaks one rule is refused for that rule,
 * not for the others it would also break.
 */
final class BaseBodies {

  private static final ObjectMapper JSON = new ObjectMapper();

  private static final Map<String, String> BODIES =
      Map.ofEntries(
          Map.entry("POST /v1/sessions", "{\"project_path\":\"{project}\"}"),
          Map.entry(
              "POST /v1/sessions/{id}/tool-calls",
              "{\"tool\":\"Bash\",\"arguments\":{\"command\":\"ls\"}}"),
          Map.entry("POST /v1/sessions/{id}/end", "{\"summary\":\"done\"}"),
          Map.entry(
              "POST /v1/usage",
              "{\"provider\":\"anthropic\",\"model\":\"claude-sonnet-4-5\",\"input_tokens\":10,"
                  + "\"output_tokens\":5,\"session_id\":\"{session}\"}"),
          Map.entry("POST /v1/tasks", "{\"kind\":\"external\",\"title\":\"hostile\"}"),
          Map.entry("PATCH /v1/tasks/{id}", "{\"progress\":0.5,\"status_message\":\"going\"}"),
          Map.entry("POST /v1/goals", "{\"project\":\"{project}\",\"title\":\"a goal\"}"),
          Map.entry("PATCH /v1/goals/{id}", "{\"title\":\"a goal\"}"),
          Map.entry("PUT /v1/preferences/{key}", "{\"project\":\"{project}\",\"value\":\"v\"}"),
          Map.entry(
              "POST /v1/insights",
              "{\"project\":\"{project}\",\"source\":\"doc_gap\",\"kind\":\"k\",\"title\":\"t\","
                  + "\"confidence\":0.5}"),
          Map.entry("POST /v1/insights/{id}/dismiss", "{\"reason\":\"seen\"}"),
          Map.entry(
              "POST /v1/budgets",
              "{\"scope\":\"project\",\"project\":\"{project}\",\"limit_usd\":1000,\"action\":\"warn\"}"),
          Map.entry("PATCH /v1/budgets/{id}", "{\"limit_usd\":2000}"),
          Map.entry("POST /v1/tools/session", "{\"action\":\"recap\"}"),
          Map.entry("POST /v1/hooks/claude-code", hook()),
          Map.entry("POST /v1/hooks/codex", hook()));

  private BaseBodies() {}

  private static String hook() {
    return "{\"hook_event_name\":\"PostToolUse\",\"session_id\":\"{session}\",\"cwd\":\"{project}\","
        + "\"tool_name\":\"Bash\",\"tool_input\":{\"command\":\"ls\"},\"tool_use_id\":\"toolu_1\"}";
  }

  /** The valid body of an operation ({@code {}} for one not listed). */
  static ObjectNode of(String method, String template, String session, String project) {
    String body =
        BODIES
            .getOrDefault(method + " " + template, "{}")
            .replace("{session}", session)
            .replace("{project}", project);
    try {
      return (ObjectNode) JSON.readTree(body);
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The path with its parameters filled in from the records named in {@code ids}. */
  static String path(String template, Map<String, String> ids) {
    String path = template;
    for (Map.Entry<String, String> id : ids.entrySet()) {
      if (template.startsWith(id.getKey())) {
        path = path.replaceFirst("\\{[^}]+}", id.getValue());
      }
    }
    return path.replaceAll("\\{[^}]+}", "no-such-record");
  }
}
