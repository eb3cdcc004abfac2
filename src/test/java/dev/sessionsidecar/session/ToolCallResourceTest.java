package dev.sessionsidecar.session;

import static dev.sessionsidecar.platform.ProblemAssertions.assertProblem;
import static dev.sessionsidecar.testing.Api.concurrently;
import static dev.sessionsidecar.testing.Api.newProject;
import static dev.sessionsidecar.testing.Api.newSession;
import static dev.sessionsidecar.testing.Api.recordCall;
import static dev.sessionsidecar.testing.Api.tool;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.hasLength;
import static org.hamcrest.Matchers.instanceOf;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.sessionsidecar.platform.StoredJson;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

@QuarkusTest
class ToolCallResourceTest {

  @Test
  void aRecordedCallIsReadBackWithItsArguments() {
    String session = newSession(newProject());
    recordCall(
            session,
            Map.of(
                "tool",
                "Bash",
                "arguments",
                Map.of("command", "ls -la", "timeout", 30),
                "ok",
                true,
                "result_summary",
                "12 files",
                "duration_ms",
                41,
                "started_at",
                "2026-01-31T12:00:00Z"))
        .statusCode(201)
        .body("tool", equalTo("Bash"))
        .body("arguments.command", equalTo("ls -la"))
        .body("arguments.timeout", equalTo(30))
        .body("started_at", equalTo("2026-01-31T12:00:00Z"));

    given()
        .get("/v1/sessions/{id}/tool-calls", session)
        .then()
        .statusCode(200)
        .body("total", equalTo(1))
        .body("items[0].result_summary", equalTo("12 files"))
        .body("items[0].duration_ms", equalTo(41));
  }

  @Test
  void aRepeatedCallIdIsStoredOnce() {
    String session = newSession(newProject());
    Map<String, Object> call = Map.of("call_id", "toolu_01", "tool", "Read");
    int id = recordCall(session, call).statusCode(201).extract().path("id");
    recordCall(session, call).statusCode(200).body("id", equalTo(id));
    given().get("/v1/sessions/{id}", session).then().body("tool_calls", equalTo(1));
  }

  @Test
  void concurrentWritersOfOneCallIdStoreItOnceAndCountEveryOtherCall() throws Exception {
    String session = newSession(newProject());
    List<Integer> same =
        concurrently(
            16,
            () ->
                recordCall(session, Map.of("call_id", "toolu_same", "tool", "Bash"))
                    .extract()
                    .statusCode());
    assertEquals(1, same.stream().filter(s -> s == 201).count(), same.toString());
    assertEquals(15, same.stream().filter(s -> s == 200).count(), same.toString());

    List<Integer> distinct =
        concurrently(16, () -> recordCall(session, Map.of("tool", "Read")).extract().statusCode());
    assertEquals(List.of(201), distinct.stream().distinct().toList());
    given().get("/v1/sessions/{id}", session).then().body("tool_calls", equalTo(17));
    given().get("/v1/sessions/{id}/tool-calls", session).then().body("total", equalTo(17));
  }

  @Test
  void historyIsNewestFirstAndPaged() {
    String session = newSession(newProject());
    for (String tool : List.of("first", "second", "third")) {
      recordCall(session, Map.of("tool", tool)).statusCode(201);
    }
    given()
        .queryParam("limit", 2)
        .get("/v1/sessions/{id}/tool-calls", session)
        .then()
        .body("total", equalTo(3))
        .body("items.tool", equalTo(List.of("third", "second")));
    given()
        .queryParam("limit", 2)
        .queryParam("offset", 2)
        .get("/v1/sessions/{id}/tool-calls", session)
        .then()
        .body("items.tool", equalTo(List.of("first")));
  }

  @Test
  void anErrorWithoutOkCountsAsFailure() {
    String session = newSession(newProject());
    recordCall(session, Map.of("tool", "Read", "error", "ENOENT"))
        .statusCode(201)
        .body("ok", equalTo(false));
    given().get("/v1/sessions/{id}", session).then().body("errors", equalTo(1));
  }

  @Test
  void aCallBumpsTheSessionsLastActivity() {
    String session = newSession(newProject());
    String before =
        given().get("/v1/sessions/{id}", session).then().extract().path("last_activity_at");
    recordCall(session, Map.of("tool", "Grep")).statusCode(201);
    String after =
        given().get("/v1/sessions/{id}", session).then().extract().path("last_activity_at");
    org.junit.jupiter.api.Assertions.assertTrue(
        Instant.parse(after).compareTo(Instant.parse(before)) >= 0, before + " then " + after);
    given().get("/v1/sessions/{id}", session).then().body("tool_calls", equalTo(1));
  }

  @Test
  void oversizeArgumentsAreCutAndMarked() {
    String session = newSession(newProject());
    String big = "y".repeat(20_000);
    recordCall(session, Map.of("tool", "Write", "arguments", Map.of("content", big)))
        .statusCode(201)
        .body("arguments_truncated", equalTo(true))
        .body("arguments", hasLength(8192))
        .body("arguments", containsString("{\"content\":\"yyy"));
  }

  @Test
  void argumentsNestedAsDeepAsARequestMayStayReadable() {
    String session = newSession(newProject());
    // 999 levels inside the body's own object: the deepest a request may carry. Given back as
    // JSON inside a reply, such a value would exceed what Jackson writes; it comes back as text.
    String deep = "[".repeat(999) + "]".repeat(999);
    given()
        .contentType("application/json")
        .body("{\"tool\":\"Deep\",\"arguments\":" + deep + "}")
        .post("/v1/sessions/{id}/tool-calls", session)
        .then()
        .statusCode(201)
        .body("arguments", equalTo(deep));
    given()
        .get("/v1/sessions/{id}/tool-calls", session)
        .then()
        .statusCode(200)
        .body("items[0].arguments", equalTo(deep));
    tool(Map.of("action", "get_history", "session_id", session))
        .statusCode(200)
        .body("data.tool_calls[0].arguments", equalTo(deep));
    String shallow = "[".repeat(StoredJson.MAX_DEPTH) + "]".repeat(StoredJson.MAX_DEPTH);
    given()
        .contentType("application/json")
        .body("{\"tool\":\"Nested\",\"arguments\":" + shallow + "}")
        .post("/v1/sessions/{id}/tool-calls", session)
        .then()
        .statusCode(201)
        .body("arguments", instanceOf(List.class));
  }

  @Test
  void badCallsAreNamedAndStoreNothing() {
    String session = newSession(newProject());
    assertProblem(recordCall(session, Map.of("tool", "")), 400, "invalid_argument")
        .body("errors[0].field", equalTo("tool"));
    assertProblem(recordCall(session, Map.of()), 400, "invalid_argument")
        .body("errors[0].field", equalTo("tool"));
    assertProblem(
            recordCall(session, Map.of("tool", "x", "duration_ms", -1)), 400, "invalid_argument")
        .body("errors[0].field", equalTo("duration_ms"));
    assertProblem(
            recordCall(session, Map.of("tool", "x", "duration_ms", 1.5)), 400, "invalid_argument")
        .body("errors[0].field", equalTo("duration_ms"));
    assertProblem(recordCall(session, Map.of("tool", "x", "ok", "yes")), 400, "invalid_argument")
        .body("errors[0].field", equalTo("ok"));
    assertProblem(
            recordCall(session, Map.of("tool", "x", "started_at", "yesterday")),
            400,
            "invalid_argument")
        .body("errors[0].field", equalTo("started_at"));
    assertProblem(
            recordCall(
                session,
                Map.of("tool", "x", "started_at", Instant.now().plusSeconds(3600).toString())),
            400,
            "invalid_argument")
        .body("errors[0].field", equalTo("started_at"));
    assertProblem(recordCall(session, Map.of("tool", "x", "argumentz", 1)), 400, "invalid_argument")
        .body("errors[0].field", equalTo("argumentz"));
    assertProblem(
            recordCall(session, Map.of("tool", "x", "error", "e".repeat(4001))),
            400,
            "invalid_argument")
        .body("errors[0].field", equalTo("error"));
    assertProblem(recordCall(session, Map.of("tool", "Bash\nrm -rf")), 400, "invalid_argument")
        .body("errors[0].field", equalTo("tool"));
    assertProblem(
            recordCall(session, Map.of("tool", "x", "error", "nul\u0000byte")),
            400,
            "invalid_argument")
        .body("errors[0].field", equalTo("error"))
        .body("errors[0].message", containsString("without NUL characters"));
    // A number where text belongs is told it must be a string, not that it holds a NUL.
    assertProblem(recordCall(session, Map.of("tool", "x", "error", 7)), 400, "invalid_argument")
        .body("errors[0].field", equalTo("error"))
        .body("errors[0].message", containsString("must be a string"));
    assertProblem(
            recordCall(session, Map.of("tool", "x", "call_id", "\ud800")), 400, "invalid_argument")
        .body("errors[0].field", equalTo("call_id"));
    given().get("/v1/sessions/{id}/tool-calls", session).then().body("total", equalTo(0));
    given().get("/v1/sessions/{id}", session).then().body("tool_calls", equalTo(0));
  }

  @Test
  void aCallForAnUnknownSessionIsNotFound() {
    assertProblem(recordCall("never-started", Map.of("tool", "x")), 404, "not_found")
        .body("detail", containsString("POST /v1/sessions"));
    assertProblem(
        given().get("/v1/sessions/{id}/tool-calls", "never-started").then(), 404, "not_found");
  }

  @Test
  void recordedAtIsTheSidecarsTime() {
    String session = newSession(newProject());
    long recorded =
        Instant.parse(
                recordCall(session, Map.of("tool", "x", "started_at", "2020-01-01T00:00:00Z"))
                    .extract()
                    .path("recorded_at"))
            .getEpochSecond();
    org.hamcrest.MatcherAssert.assertThat(
        recorded, greaterThan(Instant.parse("2020-01-02T00:00:00Z").getEpochSecond()));
  }
}
