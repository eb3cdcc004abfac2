package dev.sessionsidecar.hook;

import static dev.sessionsidecar.hook.ClaudeCodeHookTest.event;
import static dev.sessionsidecar.hook.ClaudeCodeHookTest.post;
import static dev.sessionsidecar.testing.OtlpJson.logs;
import static dev.sessionsidecar.testing.OtlpJson.text;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

import dev.sessionsidecar.testing.OtlpJson;
import io.quarkus.test.junit.QuarkusTest;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * One tool call reported by a hook and by telemetry, in either order (the order the real agents
 * happen to send them in depends on batching and timing): the stored call is the union of what both
 * know, counted once. The payloads have the shapes Claude Code 2.1.332 and Codex 0.171 sent in the
 * real-agent tests.
 */
@QuarkusTest
class OneCallFromSeveralSourcesTest {

  private final String session = UUID.randomUUID().toString();
  private final String cwd = "/srv/sources/" + session;

  @Test
  void claudeCodesRedactedTelemetryFirstThenTheHookNamesTheCall() {
    post(event("SessionStart", session, cwd)).statusCode(200);
    // Claude Code's tool_result names an MCP tool mcp_tool and carries no arguments.
    claudeCodeToolResult("mcp_tool", "false", text("error", "failed"));
    Map<String, Object> hook = event("PostToolUseFailure", session, cwd);
    hook.put("tool_name", "mcp__session__session");
    hook.put("tool_input", Map.of("action", "recap"));
    hook.put("tool_use_id", "toolu_mcp");
    hook.put("error", "MCP error -32602: since_days must be 0..3650");
    post(hook).statusCode(200);

    callOf("toolu_mcp")
        .body("tool", equalTo("mcp__session__session"))
        .body("arguments.action", equalTo("recap"))
        .body("ok", equalTo(false))
        .body("error", equalTo("MCP error -32602: since_days must be 0..3650"));
    sessionCounts(1, 1);
  }

  @Test
  void theHookFirstThenTelemetryAddsNothingItRedacted() {
    post(event("SessionStart", session, cwd)).statusCode(200);
    Map<String, Object> hook = event("PostToolUse", session, cwd);
    hook.put("tool_name", "mcp__session__session");
    hook.put("tool_input", Map.of("action", "recap"));
    hook.put("tool_use_id", "toolu_mcp");
    post(hook).statusCode(200);
    claudeCodeToolResult("mcp_tool", "true", text("duration_ms", "41"));

    callOf("toolu_mcp")
        .body("tool", equalTo("mcp__session__session"))
        .body("arguments.action", equalTo("recap"))
        .body("ok", equalTo(true))
        .body("duration_ms", equalTo(41));
    sessionCounts(1, 0);
  }

  @Test
  void codexsTelemetryCorrectsAHookThatCouldNotSeeTheExitCode() {
    codexBashCall("call_make", "make test", "2 tests failed\n");
    callOf("call_make").body("ok", equalTo(true));

    String output =
        "Chunk ID: 51b45c\\nWall time: 0.7988 seconds\\nProcess exited with code 2\\n"
            + "Original token count: 16\\nOutput:\\n2 tests failed\\n";
    OtlpJson.post(
            "logs",
            logs(
                "codex_exec",
                OtlpJson.event(
                    OtlpJson.FIXED_TIME,
                    "codex.tool_result",
                    "conversation.id",
                    session,
                    text("tool_name", "exec_command")
                        + text("tool_namespace", "functions")
                        + text("call_id", "call_make")
                        + text("arguments", "{\\\"cmd\\\":\\\"make test\\\"}")
                        + text("success", "true")
                        + text("output", output))))
        .statusCode(200);

    callOf("call_make")
        .body("tool", equalTo("Bash"))
        .body("arguments.command", equalTo("make test"))
        .body("ok", equalTo(false))
        .body("error", equalTo("exit code 2: 2 tests failed"))
        .body("result_summary", equalTo("2 tests failed"));
    sessionCounts(1, 1);
  }

  @Test
  void aCommandThatPrintsAnExitLineOfItsOwnDidNotFail() {
    codexBashCall("call_cat", "cat log", "Output:\nProcess exited with code 1\n");
    callOf("call_cat").body("ok", equalTo(true)).body("error", nullValue());
  }

  /** Codex's SessionStart, then its PostToolUse of a shell call, as its hooks send them. */
  private void codexBashCall(String callId, String command, String output) {
    codexHook(event("SessionStart", session, cwd));
    Map<String, Object> hook = event("PostToolUse", session, cwd);
    hook.put("tool_name", "Bash");
    hook.put("tool_input", Map.of("command", command));
    hook.put("tool_use_id", callId);
    hook.put("tool_response", output);
    codexHook(hook);
  }

  private static void codexHook(Map<String, Object> body) {
    given()
        .contentType("application/json")
        .body(body)
        .post("/v1/hooks/codex")
        .then()
        .statusCode(200);
  }

  private void claudeCodeToolResult(String tool, String success, String more) {
    OtlpJson.post(
            "logs",
            logs(
                "claude-code",
                OtlpJson.event(
                    OtlpJson.FIXED_TIME,
                    "tool_result",
                    "session.id",
                    session,
                    text("tool_name", tool)
                        + text("tool_use_id", "toolu_mcp")
                        + text("success", success)
                        + more)))
        .statusCode(200);
  }

  private io.restassured.response.ValidatableResponse callOf(String callId) {
    return given()
        .get("/v1/sessions/{id}/tool-calls", session)
        .then()
        .statusCode(200)
        .body("total", equalTo(1))
        .body("items[0].call_id", equalTo(callId))
        .root("items[0]");
  }

  private void sessionCounts(int calls, int errors) {
    given()
        .get("/v1/sessions/{id}", session)
        .then()
        .body("tool_calls", equalTo(calls))
        .body("errors", equalTo(errors));
  }
}
