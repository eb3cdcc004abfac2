package dev.sessionsidecar.otlp;

import static dev.sessionsidecar.testing.Api.newProject;
import static dev.sessionsidecar.testing.Api.newSession;
import static dev.sessionsidecar.testing.Api.with;
import static dev.sessionsidecar.testing.OtlpJson.logs;
import static dev.sessionsidecar.testing.OtlpJson.number;
import static dev.sessionsidecar.testing.OtlpJson.post;
import static dev.sessionsidecar.testing.OtlpJson.text;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.hasItem;

import dev.sessionsidecar.testing.OtlpJson;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * OpenAI Codex CLI as a second real agent: its hooks at {@code /v1/hooks/codex} and its telemetry
 * events on the logs endpoint, with payloads shaped as its docs list the fields.
 */
@QuarkusTest
class CodexTest {

  private static String hook(Map<String, Object> body) {
    return given()
        .contentType(ContentType.JSON)
        .body(body)
        .post("/v1/hooks/codex")
        .then()
        .statusCode(200)
        .extract()
        .asString();
  }

  private static Map<String, Object> input(String event, String session, Object... more) {
    Map<String, Object> common =
        Map.of(
            "hook_event_name", event,
            "session_id", session,
            "cwd", "/srv/codex/app",
            "model", "gpt-5-codex",
            "transcript_path", "/home/agent/.codex/sessions/x.jsonl");
    return with(common, more);
  }

  @Test
  void codexHooksRecordASessionOfClientCodexAndItsToolCalls() {
    String session = UUID.randomUUID().toString();
    hook(input("SessionStart", session, "source", "startup"));
    hook(input("UserPromptSubmit", session, "prompt", "list the files"));
    hook(
        input(
            "PreToolUse",
            session,
            "tool_name",
            "Bash",
            "tool_use_id",
            "call_7",
            "tool_input",
            Map.of("command", "ls -la")));
    hook(
        input(
            "PostToolUse",
            session,
            "tool_name",
            "Bash",
            "tool_use_id",
            "call_7",
            "tool_input",
            Map.of("command", "ls -la"),
            "tool_response",
            "README.md"));
    hook(input("Stop", session, "stop_hook_active", false));
    given()
        .get("/v1/sessions/{id}", session)
        .then()
        .body("client", equalTo("codex"))
        .body("project.path", equalTo("/srv/codex/app"))
        .body("tool_calls", equalTo(1));
    given()
        .get("/v1/sessions/{id}/tool-calls", session)
        .then()
        .body("items[0].call_id", equalTo("call_7"))
        .body("items[0].arguments.command", equalTo("ls -la"));
  }

  @Test
  void codexEventsBecomeUsageOnceEachAndToolCalls() {
    String session = newSession(newProject());
    String responseId = "resp_" + UUID.randomUUID().toString().replace("-", "");
    String completed =
        event(
            "codex.sse_event",
            session,
            text("event.kind", "response.completed")
                + text("response.id", responseId)
                + text("model", "gpt-4o")
                + number("input_token_count", 2000)
                + number("cached_token_count", 1500)
                + number("output_token_count", 300)
                + number("reasoning_token_count", 100));
    String overWebSocket =
        event(
            "codex.websocket_event",
            session,
            text("event.kind", "response.completed")
                + text("response.id", responseId + "-ws")
                + text("model", "gpt-4o")
                + number("input_token_count", 10)
                + number("output_token_count", 5));
    String created = event("codex.sse_event", session, text("event.kind", "response.created"));
    String tool =
        event(
            "codex.tool_result",
            session,
            text("tool_name", "shell")
                + text("call_id", "call_" + UUID.randomUUID())
                + text("arguments", "{\\\"command\\\":[\\\"ls\\\"]}")
                + number("duration_ms", 42)
                + text("success", "true")
                + text("output", "README.md"));
    String logs = logs("codex_cli_rs", completed, overWebSocket, created, tool);
    for (int sent = 0; sent < 2; sent++) {
      post("logs", logs).statusCode(200);
    }
    // Codex's trace of the same call is not counted again.
    OtlpTest.sendAgentTrace("codex_cli_rs", session, 2000, 300);

    given()
        .get("/v1/usage?session=" + session)
        .then()
        .body("total", equalTo(2))
        .body("items.request_id", hasItem(responseId))
        .body("items.find { it.request_id == '" + responseId + "' }.provider", equalTo("openai"))
        .body(
            "items.find { it.request_id == '" + responseId + "' }.cache_read_tokens", equalTo(1500))
        .body("items.find { it.request_id == '" + responseId + "' }.reasoning_tokens", equalTo(100))
        .body(
            "items.find { it.request_id == '" + responseId + "' }.cost_source",
            equalTo("estimated"))
        .body("items.find { it.request_id == '" + responseId + "' }.cost_usd", greaterThan(0f));
    given()
        .get("/v1/sessions/{id}/tool-calls", session)
        .then()
        .body("total", equalTo(1))
        .body("items[0].tool", equalTo("shell"))
        .body("items[0].duration_ms", equalTo(42));
  }

  private static String event(String name, String session, String attributes) {
    return OtlpJson.event(OtlpJson.FIXED_TIME, name, "conversation.id", session, attributes);
  }
}
