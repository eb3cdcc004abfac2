package dev.sessionsidecar.hook;

import static dev.sessionsidecar.platform.ProblemAssertions.assertProblem;
import static dev.sessionsidecar.testing.Api.with;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** Claude Code hook inputs, written from its hooks reference, posted as an HTTP hook would. */
@QuarkusTest
class ClaudeCodeHookTest {

  private static final Path SCRIPT = Path.of("deploy/hooks/claude-code-hook.sh");

  /** The fields every hook input carries. */
  static Map<String, Object> event(String name, String sessionId, String cwd) {
    Map<String, Object> body = new HashMap<>();
    body.put("hook_event_name", name);
    body.put("session_id", sessionId);
    body.put("transcript_path", "/home/agent/.claude/projects/x/" + sessionId + ".jsonl");
    body.put("cwd", cwd);
    body.put("permission_mode", "default");
    return body;
  }

  static ValidatableResponse post(Object body) {
    return given().contentType(ContentType.JSON).body(body).post("/v1/hooks/claude-code").then();
  }

  @Test
  void aResumeFromOutsideItsProjectIsRefusedAndChangesNothingWhileASubdirectoryIsTheProject() {
    String session = UUID.randomUUID().toString();
    post(event("SessionStart", session, "/srv/agents/home")).statusCode(200);
    post(with(event("SessionStart", session, "/srv/agents/home/sub"), "source", "resume"))
        .statusCode(200);
    post(event("SessionEnd", session, "/srv/agents/home")).statusCode(200);
    assertProblem(
            post(with(event("SessionStart", session, "/srv/agents/homework"), "source", "resume")),
            409,
            "conflict")
        .body("detail", containsString("belongs to project /srv/agents/home"))
        .body("detail", containsString("/srv/agents/homework"));
    given()
        .get("/v1/sessions/{id}", session)
        .then()
        .body("status", equalTo("completed"))
        .body("project.path", equalTo("/srv/agents/home"));
    // A compaction keeps the session wherever the agent's shell has gone since.
    post(with(event("SessionStart", session, "/tmp"), "source", "compact")).statusCode(200);
    given().get("/v1/sessions/{id}", session).then().body("status", equalTo("active"));
  }

  @Test
  void aTranscriptPathIsTextAndOneTheSidecarCannotReadChangesNothing() {
    String session = UUID.randomUUID().toString();
    String cwd = "/srv/agents/transcript";
    assertProblem(
            post(with(event("SessionStart", session, cwd), "transcript_path", 42)),
            400,
            "invalid_argument")
        .body("detail", containsString("transcript_path"));
    given().get("/v1/sessions/{id}", session).then().statusCode(404);
    for (String path :
        List.of("/etc/passwd", "relative/projects/x/s.jsonl", "/a/../etc/projects/x/s.jsonl")) {
      post(with(event("SessionStart", session, cwd), "transcript_path", path)).statusCode(200);
    }
    given().get("/v1/sessions/{id}", session).then().body("status", equalTo("active"));
  }

  @Test
  void newerEventsAttributeCallsAndKeepFailuresCompactionsAndTheMode() {
    String session = UUID.randomUUID().toString();
    String cwd = "/srv/agents/newer";
    post(with(event("SessionStart", session, cwd), "source", "fork")).statusCode(200);
    post(with(event("SubagentStart", session, cwd), "agent_id", "a-1", "agent_type", "Explore"))
        .statusCode(200)
        .body(equalTo("{}"));
    post(with(
            event("PostToolUse", session, cwd),
            "tool_name",
            "Grep",
            "tool_use_id",
            "toolu_sub_1",
            "tool_input",
            Map.of("pattern", "TODO"),
            "tool_response",
            "3 matches",
            "agent_id",
            "a-1",
            "agent_type",
            "Explore",
            "prompt_id",
            "prompt-7",
            "permission_mode",
            "plan"))
        .statusCode(200);
    post(with(event("SubagentStop", session, cwd), "agent_id", "a-1", "agent_type", "Explore"))
        .statusCode(200);
    post(with(
            event("StopFailure", session, cwd),
            "error",
            "rate_limit",
            "error_details",
            "429 Too Many Requests"))
        .statusCode(200);
    post(with(
            event("PostCompact", session, cwd),
            "trigger",
            "auto",
            "compact_summary",
            "Refactored the parser; tests pass.",
            "permission_mode",
            "plan"))
        .statusCode(200);

    given()
        .get("/v1/sessions/{id}/tool-calls", session)
        .then()
        .body("items[0].agent", equalTo("Explore"))
        .body("items[0].prompt_id", equalTo("prompt-7"));
    given()
        .get("/v1/sessions/{id}", session)
        .then()
        .body("source", equalTo("fork"))
        .body("errors", equalTo(1))
        .body("last_error", equalTo("rate_limit: 429 Too Many Requests"))
        .body("compact_summary", equalTo("Refactored the parser; tests pass."))
        .body("permission_mode", equalTo("plan"));
    given()
        .contentType(ContentType.JSON)
        .body(Map.of("action", "current_session"))
        .post("/v1/tools/session")
        .then()
        .body(
            "text", org.hamcrest.Matchers.containsString("last compaction: Refactored the parser"))
        .body("text", org.hamcrest.Matchers.containsString("last failure: rate_limit: 429"));
    post(event("SomethingNewer", session, cwd)).statusCode(200).body(equalTo("{}"));
  }

  @Test
  void aWholeSessionOfHookEventsBecomesASessionWithItsToolCalls() {
    String session = UUID.randomUUID().toString();
    String cwd = "/srv/agents/" + session;
    post(with(event("SessionStart", session, cwd), "source", "startup", "model", "claude-x"))
        .statusCode(200)
        .body("size()", equalTo(0));
    post(with(event("UserPromptSubmit", session, cwd), "prompt", "run the tests")).statusCode(200);
    Map<String, Object> input = Map.of("command", "make test", "description", "Run tests");
    post(with(
            event("PreToolUse", session, cwd),
            "tool_name",
            "Bash",
            "tool_input",
            input,
            "tool_use_id",
            "toolu_01"))
        .statusCode(200);
    Map<String, Object> done =
        with(
            event("PostToolUse", session, cwd),
            "tool_name",
            "Bash",
            "tool_input",
            input,
            "tool_response",
            Map.of("stdout", "ok\n12 passed", "stderr", "", "interrupted", false),
            "tool_use_id",
            "toolu_01");
    post(done).statusCode(200);
    post(done).statusCode(200); // a retried delivery counts once
    post(with(
            event("PreToolUse", session, cwd),
            "tool_name",
            "Read",
            "tool_input",
            Map.of("file_path", "/x"),
            "tool_use_id",
            "toolu_02"))
        .statusCode(200);
    post(with(
            event("PostToolUseFailure", session, cwd),
            "tool_name",
            "Read",
            "tool_input",
            Map.of("file_path", "/x"),
            "tool_use_id",
            "toolu_02",
            "error",
            "File does not exist.",
            "is_interrupt",
            false))
        .statusCode(200);
    post(with(event("Stop", session, cwd), "stop_hook_active", false)).statusCode(200);
    post(with(event("SubagentStop", session, cwd), "stop_hook_active", false)).statusCode(200);
    post(with(event("SessionEnd", session, cwd), "reason", "logout")).statusCode(200);

    given()
        .get("/v1/sessions/{id}", session)
        .then()
        .statusCode(200)
        .body("project.path", equalTo(cwd))
        .body("source", equalTo("startup"))
        .body("client", equalTo("claude-code"))
        .body("status", equalTo("completed"))
        .body("end_reason", containsString("logout"))
        .body("tool_calls", equalTo(2))
        .body("errors", equalTo(1));
    given()
        .get("/v1/sessions/{id}/tool-calls", session)
        .then()
        .body("items", hasSize(2))
        .body("items[1].call_id", equalTo("toolu_01"))
        .body("items[1].tool", equalTo("Bash"))
        .body("items[1].ok", equalTo(true))
        .body("items[1].arguments.command", equalTo("make test"))
        .body("items[1].result_summary", containsString("12 passed"))
        .body("items[1].duration_ms", greaterThanOrEqualTo(0))
        .body("items[0].call_id", equalTo("toolu_02"))
        .body("items[0].ok", equalTo(false))
        .body("items[0].error", equalTo("File does not exist."))
        .body("items[0].result_summary", nullValue());
  }

  @Test
  void unknownEventsAndFieldsAreIgnoredAndAnUnseenSessionStartsFromItsCwd() {
    String session = UUID.randomUUID().toString();
    String cwd = "/srv/agents/" + session;
    post(with(event("TeammateIdle", session, cwd), "teammate", "x")).statusCode(200);
    given().get("/v1/sessions/{id}", session).then().statusCode(404);
    post(with(
            event("PostToolUse", session, cwd),
            "tool_name",
            "Edit",
            "tool_input",
            Map.of("file_path", "/a"),
            "tool_response",
            "done",
            "tool_use_id",
            "toolu_9",
            "duration_ms",
            42,
            "a_field_from_the_future",
            List.of(1, 2)))
        .statusCode(200);
    given()
        .get("/v1/sessions/{id}/tool-calls", session)
        .then()
        .body("items", hasSize(1))
        .body("items[0].duration_ms", equalTo(42));
    given().get("/v1/sessions/{id}", session).then().body("project.path", equalTo(cwd));
  }

  @Test
  void malformedInputIsA400() {
    assertProblem(
        given()
            .contentType(ContentType.JSON)
            .body("{\"hook_event_name\": ")
            .post("/v1/hooks/claude-code")
            .then(),
        400,
        "malformed_request");
    assertProblem(post(List.of()), 400, "malformed_request");
    assertProblem(post(Map.of("hook_event_name", "Stop")), 400, "invalid_argument")
        .body("errors[0].field", equalTo("session_id"));
    assertProblem(post(Map.of("session_id", "abc")), 400, "invalid_argument")
        .body("errors[0].field", equalTo("hook_event_name"));
    assertProblem(post(event("Stop", "bad id!", "/w")), 400, "invalid_argument");
  }

  @Test
  void theShippedScriptForwardsStdinPrintsNothingAndExitsZero() throws Exception {
    String session = UUID.randomUUID().toString();
    String base = RestAssured.baseURI + ":" + RestAssured.port;
    String start =
        "{\"hook_event_name\":\"SessionStart\",\"session_id\":\""
            + session
            + "\",\"cwd\":\"/srv/agents/script\",\"source\":\"startup\"}";
    Run run = script(base, start, "2");
    assertEquals(0, run.exitCode());
    assertEquals("", run.stdout());
    String codexSession = UUID.randomUUID().toString();
    Run codex =
        script(
            base,
            "{\"hook_event_name\":\"SessionStart\",\"session_id\":\""
                + codexSession
                + "\",\"cwd\":\"/srv/agents/codex\",\"model\":\"gpt-5-codex\"}",
            "2",
            "codex");
    assertEquals(0, codex.exitCode());
    assertEquals("", codex.stdout());
    given().get("/v1/sessions/{id}", codexSession).then().body("client", equalTo("codex"));
    given()
        .get("/v1/sessions/{id}", session)
        .then()
        .statusCode(200)
        .body("client", equalTo("claude-code"));
  }

  @Test
  void theScriptNeitherFailsNorHangsWhenTheSidecarIsDownOrStuck() throws Exception {
    String payload = "{\"hook_event_name\":\"Stop\",\"session_id\":\"x\"}";
    int closedPort;
    try (ServerSocket free = new ServerSocket(0)) {
      closedPort = free.getLocalPort();
    }
    Run down = script("http://127.0.0.1:" + closedPort, payload, "2");
    assertEquals(0, down.exitCode());
    assertTrue(down.elapsed().toMillis() < 2_000, "took " + down.elapsed());

    try (ServerSocket stuck = new ServerSocket(0)) {
      Thread acceptor = new Thread(() -> acceptAndStall(stuck));
      acceptor.setDaemon(true);
      acceptor.start();
      Run hung = script("http://127.0.0.1:" + stuck.getLocalPort(), payload, "1");
      assertEquals(0, hung.exitCode());
      assertTrue(hung.elapsed().toMillis() < 5_000, "took " + hung.elapsed());
    }
  }

  private static void acceptAndStall(ServerSocket server) {
    try (Socket ignored = server.accept()) {
      Thread.sleep(30_000);
    } catch (IOException | InterruptedException e) {
      // the test is over
    }
  }

  /** How a run of the script went. */
  record Run(int exitCode, String stdout, Duration elapsed) {}

  static Run script(String sidecarUrl, String stdin, String timeoutSeconds, String... args)
      throws Exception {
    List<String> command = new ArrayList<>(List.of("sh", SCRIPT.toString()));
    command.addAll(List.of(args));
    ProcessBuilder builder = new ProcessBuilder(command);
    builder.environment().put("SIDECAR_URL", sidecarUrl);
    builder.environment().put("SIDECAR_HOOK_TIMEOUT", timeoutSeconds);
    builder.redirectErrorStream(true);
    long started = System.nanoTime();
    Process process = builder.start();
    process.getOutputStream().write(stdin.getBytes(StandardCharsets.UTF_8));
    process.getOutputStream().close();
    assertTrue(process.waitFor(20, TimeUnit.SECONDS), "the script did not finish");
    String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    return new Run(process.exitValue(), out, Duration.ofNanos(System.nanoTime() - started));
  }
}
