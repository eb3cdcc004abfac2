package dev.sessionsidecar.reliability;

import static dev.sessionsidecar.platform.ProblemAssertions.assertProblem;
import static dev.sessionsidecar.testing.Api.newSession;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import io.restassured.specification.RequestSpecification;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * A corpus of bad requests across every endpoint and tool action: each gets the right 4xx problem
 * naming what was wrong, with no internals in the body, and the database is unchanged after all.
 */
@QuarkusTest
class BadInputCorpusTest {

  /** One bad request and the answer it must get; {@code field} null when no field is to blame. */
  record Case(
      String name,
      String method,
      String path,
      String contentType,
      byte[] body,
      int status,
      String code,
      String field) {}

  private static final String JSON = "application/json";

  private static Case json(
      String name, String method, String path, String body, int status, String code, String field) {
    return new Case(
        name, method, path, JSON, body.getBytes(StandardCharsets.UTF_8), status, code, field);
  }

  private static Case tool(String name, String arguments, String code, String field) {
    return json(name, "POST", "/v1/tools/session", arguments, 400, code, field);
  }

  private static Case get(String name, String path, int status, String code, String field) {
    return new Case(name, "GET", path, null, null, status, code, field);
  }

  static List<Case> corpus() {
    String s = "{session}";
    String bigString = "\"" + "x".repeat(10 * 1024 * 1024) + "\"";
    String nested = "[".repeat(5000) + "]".repeat(5000);
    byte[] badUtf8 = {
      '{', '"', 't', 'o', 'o', 'l', '"', ':', '"', (byte) 0xC3, (byte) 0x28, '"', '}'
    };
    List<Case> cases = new ArrayList<>();
    // sessions
    cases.add(
        json(
            "truncated JSON",
            "POST",
            "/v1/sessions",
            "{\"session_id\":",
            400,
            "malformed_request",
            null));
    cases.add(
        json(
            "array instead of object",
            "POST",
            "/v1/sessions",
            "[]",
            400,
            "malformed_request",
            null));
    cases.add(
        json(
            "number as session id",
            "POST",
            "/v1/sessions",
            "{\"session_id\":5,\"project_path\":\"/p\"}",
            400,
            "invalid_argument",
            "session_id"));
    cases.add(
        json(
            "path traversal in session id",
            "POST",
            "/v1/sessions",
            "{\"session_id\":\"../../etc/passwd\",\"project_path\":\"/p\"}",
            400,
            "invalid_argument",
            "session_id"));
    cases.add(
        json(
            "unknown field",
            "POST",
            "/v1/sessions",
            "{\"project_path\":\"/p\",\"colour\":\"red\"}",
            400,
            "invalid_argument",
            "colour"));
    cases.add(
        json(
            "unknown enum value",
            "POST",
            "/v1/sessions",
            "{\"project_path\":\"/p\",\"source\":\"reboot\"}",
            400,
            "invalid_argument",
            "source"));
    cases.add(
        json(
            "oversize project path",
            "POST",
            "/v1/sessions",
            "{\"project_path\":\"/" + "a".repeat(2000) + "\"}",
            400,
            "invalid_argument",
            "project_path"));
    cases.add(
        new Case(
            "wrong content type",
            "POST",
            "/v1/sessions",
            "text/plain",
            "hi".getBytes(StandardCharsets.UTF_8),
            415,
            "unsupported_media_type",
            null));
    cases.add(get("negative limit", "/v1/sessions?limit=-1", 400, "invalid_argument", "limit"));
    cases.add(
        get("limit not a number", "/v1/sessions?limit=abc", 400, "invalid_argument", "limit"));
    cases.add(
        get("unknown status", "/v1/sessions?status=zombie", 400, "invalid_argument", "status"));
    cases.add(
        get("unknown query parameter", "/v1/sessions?sort=desc", 400, "invalid_argument", "sort"));
    cases.add(get("unknown session", "/v1/sessions/no-such-session", 404, "not_found", null));
    // tool calls
    String calls = "/v1/sessions/" + s + "/tool-calls";
    cases.add(json("missing tool", "POST", calls, "{}", 400, "invalid_argument", "tool"));
    cases.add(
        json("number as tool", "POST", calls, "{\"tool\":42}", 400, "invalid_argument", "tool"));
    cases.add(
        json("empty tool", "POST", calls, "{\"tool\":\"\"}", 400, "invalid_argument", "tool"));
    cases.add(
        json(
            "NUL in tool",
            "POST",
            calls,
            "{\"tool\":\"Bash\\u0000\"}",
            400,
            "invalid_argument",
            "tool"));
    cases.add(
        json(
            "negative duration",
            "POST",
            calls,
            "{\"tool\":\"Bash\",\"duration_ms\":-5}",
            400,
            "invalid_argument",
            "duration_ms"));
    cases.add(
        json(
            "huge duration",
            "POST",
            calls,
            "{\"tool\":\"Bash\",\"duration_ms\":1e30}",
            400,
            "invalid_argument",
            "duration_ms"));
    cases.add(
        json(
            "NaN token",
            "POST",
            calls,
            "{\"tool\":\"Bash\",\"duration_ms\":NaN}",
            400,
            "malformed_request",
            null));
    cases.add(
        json(
            "Infinity token",
            "POST",
            calls,
            "{\"tool\":\"Bash\",\"duration_ms\":Infinity}",
            400,
            "malformed_request",
            null));
    cases.add(
        json(
            "string as boolean",
            "POST",
            calls,
            "{\"tool\":\"Bash\",\"ok\":\"yes\"}",
            400,
            "invalid_argument",
            "ok"));
    cases.add(
        json(
            "unparseable time",
            "POST",
            calls,
            "{\"tool\":\"Bash\",\"started_at\":\"yesterday\"}",
            400,
            "invalid_argument",
            "started_at"));
    cases.add(
        json(
            "a number for a time",
            "POST",
            calls,
            "{\"tool\":\"Bash\",\"started_at\":1e308}",
            400,
            "invalid_argument",
            "started_at"));
    cases.add(
        json(
            "a time out of range",
            "POST",
            calls,
            "{\"tool\":\"Bash\",\"started_at\":-31557014167219200}",
            400,
            "invalid_argument",
            "started_at"));
    cases.add(
        json(
            "a time before 1970",
            "POST",
            calls,
            "{\"tool\":\"Bash\",\"started_at\":\"-290000000-01-01T00:00:00Z\"}",
            400,
            "invalid_argument",
            "started_at"));
    cases.add(
        json(
            "an empty duration",
            "POST",
            calls,
            "{\"tool\":\"Bash\",\"duration_ms\":\"\"}",
            400,
            "invalid_argument",
            "duration_ms"));
    cases.add(
        json(
            "an empty outcome",
            "POST",
            calls,
            "{\"tool\":\"Bash\",\"ok\":\"\"}",
            400,
            "invalid_argument",
            "ok"));
    cases.add(
        json(
            "time far ahead",
            "POST",
            calls,
            "{\"tool\":\"Bash\",\"started_at\":\"2999-01-01T00:00:00Z\"}",
            400,
            "invalid_argument",
            "started_at"));
    cases.add(
        json(
            "oversize error",
            "POST",
            calls,
            "{\"tool\":\"Bash\",\"error\":\"" + "e".repeat(5000) + "\"}",
            400,
            "invalid_argument",
            "error"));
    cases.add(
        json(
            "duplicate key",
            "POST",
            calls,
            "{\"tool\":\"Bash\",\"tool\":\"Read\"}",
            400,
            "malformed_request",
            null));
    cases.add(
        json(
            "trailing content",
            "POST",
            calls,
            "{\"tool\":\"Bash\"} {}",
            400,
            "malformed_request",
            null));
    cases.add(
        new Case("invalid UTF-8", "POST", calls, JSON, badUtf8, 400, "malformed_request", null));
    cases.add(
        json(
            "deeply nested arguments",
            "POST",
            calls,
            "{\"tool\":\"Bash\",\"arguments\":" + nested + "}",
            400,
            "malformed_request",
            null));
    cases.add(
        json(
            "10 MB string",
            "POST",
            calls,
            "{\"tool\":" + bigString + "}",
            413,
            "payload_too_large",
            null));
    cases.add(
        json(
            "calls of an unknown session",
            "POST",
            "/v1/sessions/no-such-session/tool-calls",
            "{\"tool\":\"Bash\"}",
            404,
            "not_found",
            null));
    // usage
    cases.add(
        json(
            "usage without provider",
            "POST",
            "/v1/usage",
            "{\"model\":\"m\",\"input_tokens\":1,\"output_tokens\":1}",
            400,
            "invalid_argument",
            "provider"));
    cases.add(
        json(
            "negative tokens",
            "POST",
            "/v1/usage",
            "{\"provider\":\"p\",\"model\":\"m\",\"input_tokens\":-1,\"output_tokens\":1}",
            400,
            "invalid_argument",
            "input_tokens"));
    cases.add(
        json(
            "huge tokens",
            "POST",
            "/v1/usage",
            "{\"provider\":\"p\",\"model\":\"m\",\"input_tokens\":1e20,\"output_tokens\":1}",
            400,
            "invalid_argument",
            "input_tokens"));
    cases.add(
        json(
            "tokens as string",
            "POST",
            "/v1/usage",
            "{\"provider\":\"p\",\"model\":\"m\",\"input_tokens\":\"12\",\"output_tokens\":1}",
            400,
            "invalid_argument",
            "input_tokens"));
    cases.add(
        json(
            "cache above input",
            "POST",
            "/v1/usage",
            "{\"provider\":\"p\",\"model\":\"m\",\"input_tokens\":1,\"output_tokens\":1,\"cache_read_tokens\":5}",
            400,
            "invalid_argument",
            "cache_read_tokens"));
    cases.add(
        json(
            "negative cost",
            "POST",
            "/v1/usage",
            "{\"provider\":\"p\",\"model\":\"m\",\"input_tokens\":1,\"output_tokens\":1,\"cost_usd\":-1}",
            400,
            "invalid_argument",
            "cost_usd"));
    cases.add(
        json(
            "one bad record in an array",
            "POST",
            "/v1/usage",
            "[{\"request_id\":\"corpus-ok\",\"provider\":\"p\",\"model\":\"m\",\"input_tokens\":1,\"output_tokens\":1},{\"provider\":\"p\"}]",
            400,
            "invalid_argument",
            null));
    cases.add(
        json(
            "array over the batch limit",
            "POST",
            "/v1/usage",
            "["
                + String.join(
                    ",",
                    java.util.Collections.nCopies(
                        1001,
                        "{\"provider\":\"p\",\"model\":\"m\",\"input_tokens\":1,\"output_tokens\":1}"))
                + "]",
            400,
            "invalid_argument",
            null));
    cases.add(
        json(
            "usage of an unknown session",
            "POST",
            "/v1/usage",
            "{\"session_id\":\"no-such-session\",\"provider\":\"p\",\"model\":\"m\",\"input_tokens\":1,\"output_tokens\":1}",
            404,
            "not_found",
            null));
    cases.add(
        get(
            "unknown group_by",
            "/v1/usage/stats?group_by=colour",
            400,
            "invalid_argument",
            "group_by"));
    cases.add(
        get(
            "negative since_days",
            "/v1/usage/summary?since_days=-2",
            400,
            "invalid_argument",
            "since_days"));
    cases.add(get("oversize limit", "/v1/usage?limit=100000", 400, "invalid_argument", "limit"));
    // tasks
    cases.add(
        json("task without kind", "POST", "/v1/tasks", "{}", 400, "invalid_argument", "kind"));
    cases.add(
        json(
            "unknown task kind",
            "POST",
            "/v1/tasks",
            "{\"kind\":\"rm_rf\"}",
            400,
            "invalid_argument",
            "kind"));
    cases.add(
        json(
            "negative pause",
            "POST",
            "/v1/tasks",
            "{\"kind\":\"purge\",\"parameters\":{\"pause_ms\":-1}}",
            400,
            "invalid_argument",
            "parameters.pause_ms"));
    cases.add(
        json(
            "parameters not an object",
            "POST",
            "/v1/tasks",
            "{\"kind\":\"purge\",\"parameters\":[1]}",
            400,
            "invalid_argument",
            "parameters"));
    cases.add(
        json(
            "external task without title",
            "POST",
            "/v1/tasks",
            "{\"kind\":\"external\"}",
            400,
            "invalid_argument",
            "title"));
    cases.add(
        json(
            "ttl too short",
            "POST",
            "/v1/tasks",
            "{\"kind\":\"external\",\"title\":\"x\",\"ttl\":1}",
            400,
            "invalid_argument",
            "ttl"));
    cases.add(get("unknown task", "/v1/tasks/no-such-task", 404, "not_found", null));
    cases.add(
        json(
            "patch of an unknown task",
            "PATCH",
            "/v1/tasks/no-such-task",
            "{\"status\":\"completed\"}",
            404,
            "not_found",
            null));
    cases.add(
        json(
            "cancel of an unknown task",
            "POST",
            "/v1/tasks/no-such-task/cancel",
            "{}",
            404,
            "not_found",
            null));
    // insights, goals, preferences, recap
    cases.add(
        json(
            "unknown insight source",
            "POST",
            "/v1/insights",
            "{\"project\":\"{project}\",\"source\":\"rumour\",\"kind\":\"k\",\"title\":\"t\",\"confidence\":0.5}",
            400,
            "invalid_argument",
            "source"));
    cases.add(
        json(
            "confidence above 1",
            "POST",
            "/v1/insights",
            "{\"project\":\"{project}\",\"source\":\"doc_gap\",\"kind\":\"k\",\"title\":\"t\",\"confidence\":2}",
            400,
            "invalid_argument",
            "confidence"));
    cases.add(
        json(
            "reason as number",
            "POST",
            "/v1/insights/999999999/dismiss",
            "{\"reason\":5}",
            400,
            "invalid_argument",
            "reason"));
    cases.add(
        json(
            "an empty budget limit",
            "POST",
            "/v1/budgets",
            "{\"scope\":\"instance\",\"limit_usd\":\"\",\"limit_tokens\":5}",
            400,
            "invalid_argument",
            "limit_usd"));
    cases.add(
        json(
            "budget limit as text",
            "POST",
            "/v1/budgets",
            "{\"scope\":\"session\",\"limit_usd\":\"five\",\"project\":\"{project}\"}",
            400,
            "invalid_argument",
            "limit_usd"));
    cases.add(
        json(
            "budget thresholds out of order",
            "POST",
            "/v1/budgets",
            "{\"scope\":\"project\",\"limit_usd\":1,\"thresholds\":[0.9,0.5],\"project\":\"{project}\"}",
            400,
            "invalid_argument",
            "thresholds"));
    cases.add(
        json(
            "budget of an unknown scope",
            "POST",
            "/v1/budgets",
            "{\"scope\":\"galaxy\",\"limit_usd\":1}",
            400,
            "invalid_argument",
            "scope"));
    cases.add(
        json(
            "budget action as a number",
            "POST",
            "/v1/budgets",
            "{\"scope\":\"session\",\"limit_usd\":1,\"action\":3,\"project\":\"{project}\"}",
            400,
            "invalid_argument",
            "action"));
    cases.add(
        json(
            "patch of an unknown budget",
            "PATCH",
            "/v1/budgets/987654321",
            "{\"action\":\"warn\"}",
            404,
            "not_found",
            null));
    cases.add(
        json(
            "budget id that is not a number",
            "PATCH",
            "/v1/budgets/one",
            "{\"action\":\"warn\"}",
            400,
            "invalid_argument",
            "id"));
    cases.add(
        json(
            "unknown goal status",
            "POST",
            "/v1/goals",
            "{\"project\":\"{project}\",\"title\":\"x\",\"status\":\"done\"}",
            400,
            "invalid_argument",
            "status"));
    cases.add(
        json(
            "progress above 100",
            "POST",
            "/v1/goals",
            "{\"project\":\"{project}\",\"title\":\"x\",\"progress_percent\":101}",
            400,
            "invalid_argument",
            "progress_percent"));
    cases.add(
        json(
            "patch of an unknown goal",
            "PATCH",
            "/v1/goals/no-such-goal",
            "{\"title\":\"y\"}",
            404,
            "not_found",
            null));
    cases.add(
        json(
            "preference key with a space",
            "PUT",
            "/v1/preferences/bad key",
            "{\"project\":\"{project}\",\"value\":\"x\"}",
            400,
            "invalid_argument",
            "key"));
    cases.add(
        json(
            "empty preference value",
            "PUT",
            "/v1/preferences/k",
            "{\"project\":\"{project}\",\"value\":\"\"}",
            400,
            "invalid_argument",
            "value"));
    cases.add(
        get(
            "since_days not a number",
            "/v1/recap?since_days=x",
            400,
            "invalid_argument",
            "since_days"));
    // the session tool
    cases.add(tool("unknown action", "{\"action\":\"fly\"}", "invalid_action", null));
    cases.add(
        tool(
            "zero limit",
            "{\"action\":\"list_sessions\",\"limit\":0}",
            "invalid_argument",
            "limit"));
    cases.add(
        tool(
            "limit as string",
            "{\"action\":\"list_sessions\",\"limit\":\"5\"}",
            "invalid_argument",
            "limit"));
    cases.add(
        tool(
            "unknown group_by",
            "{\"action\":\"usage_stats\",\"group_by\":\"colour\"}",
            "invalid_argument",
            "group_by"));
    cases.add(
        tool(
            "min_confidence above 1",
            "{\"action\":\"insights\",\"min_confidence\":1.5}",
            "invalid_argument",
            "min_confidence"));
    cases.add(
        tool(
            "unknown insight_source",
            "{\"action\":\"insights\",\"insight_source\":\"x\"}",
            "invalid_argument",
            "insight_source"));
    cases.add(tool("task_id missing", "{\"action\":\"tasks_get\"}", "invalid_argument", "task_id"));
    cases.add(
        tool(
            "task_id as number",
            "{\"action\":\"tasks_cancel\",\"task_id\":5}",
            "invalid_argument",
            "task_id"));
    cases.add(
        tool(
            "negative since_days",
            "{\"action\":\"recap\",\"since_days\":-1}",
            "invalid_argument",
            "since_days"));
    cases.add(
        tool(
            "argument of another action",
            "{\"action\":\"current_session\",\"limit\":1}",
            "invalid_argument",
            "limit"));
    cases.add(
        tool(
            "insight_id missing",
            "{\"action\":\"dismiss_insight\"}",
            "invalid_argument",
            "insight_id"));
    for (String id : List.of("\"42\"", "\"abc\"", "0", "-3", "1.5", "9007199254740993")) {
      cases.add(
          tool(
              "insight_id " + id,
              "{\"action\":\"dismiss_insight\",\"insight_id\":" + id + "}",
              "invalid_argument",
              "insight_id"));
    }
    cases.add(get("insight id 0 in the path", "/v1/insights/0", 400, "invalid_argument", "id"));
    cases.add(
        json(
            "insight id in the path not a number",
            "POST",
            "/v1/insights/abc/dismiss",
            "{}",
            400,
            "invalid_argument",
            "id"));
    cases.add(
        json(
            "history of an unknown session",
            "POST",
            "/v1/tools/session",
            "{\"action\":\"get_history\",\"session_id\":\"no-such-session\"}",
            404,
            "not_found",
            null));
    // intake doors
    cases.add(
        json(
            "a hook's session id with spaces around it",
            "POST",
            "/v1/hooks/claude-code",
            "{\"hook_event_name\":\"SessionStart\",\"session_id\":\" abc \",\"cwd\":\"/src\"}",
            400,
            "invalid_argument",
            "session_id"));
    cases.add(
        json(
            "a hook's session id with a broken character",
            "POST",
            "/v1/hooks/codex",
            "{\"hook_event_name\":\"SessionStart\",\"session_id\":\"a\\ud800\",\"cwd\":\"/src\"}",
            400,
            "invalid_argument",
            "session_id"));
    cases.add(
        json(
            "truncated hook input",
            "POST",
            "/v1/hooks/claude-code",
            "{",
            400,
            "malformed_request",
            null));
    cases.add(
        new Case(
            "undecodable OTLP protobuf",
            "POST",
            "/otlp/v1/traces",
            "application/x-protobuf",
            new byte[] {(byte) 0xff, 1},
            400,
            "malformed_request",
            null));
    cases.add(
        new Case(
            "OTLP as text",
            "POST",
            "/otlp/v1/logs",
            "text/plain",
            "x".getBytes(StandardCharsets.UTF_8),
            415,
            "unsupported_media_type",
            null));
    return cases;
  }

  @TestFactory
  Stream<DynamicTest> everyBadRequestGetsTheRightProblemAndChangesNothing() {
    String project = "/srv/corpus/" + UUID.randomUUID();
    String session = newSession(project);
    String before = snapshot(session, project);
    List<Case> cases = corpus();
    assertEquals(true, cases.size() >= 60, "at least 60 cases");
    Stream<DynamicTest> each =
        cases.stream()
            .map(c -> DynamicTest.dynamicTest(c.name(), () -> check(c, session, project)));
    Stream<DynamicTest> unchanged =
        Stream.of(
            DynamicTest.dynamicTest(
                "the database is unchanged",
                () -> assertEquals(before, snapshot(session, project))));
    return Stream.concat(each, unchanged);
  }

  private static void check(Case c, String session, String project) {
    RequestSpecification request = given().urlEncodingEnabled(true);
    if (c.contentType() != null) {
      String body =
          new String(c.body(), StandardCharsets.ISO_8859_1)
              .replace("{session}", session)
              .replace("{project}", project);
      request =
          request.contentType(c.contentType()).body(body.getBytes(StandardCharsets.ISO_8859_1));
    }
    String path = c.path().replace("{session}", session);
    ValidatableResponse response =
        switch (c.method()) {
          case "GET" -> request.get(path).then();
          case "POST" -> request.post(path).then();
          case "PUT" -> request.put(path).then();
          case "PATCH" -> request.patch(path).then();
          default -> throw new IllegalArgumentException(c.method());
        };
    assertProblem(response, c.status(), c.code());
    if (c.field() != null) {
      response.body("errors.field", hasItem(c.field()));
    }
  }

  /** What the corpus could have changed, as the API shows it. */
  private static String snapshot(String session, String project) {
    return String.join(
        "\n",
        given().get("/v1/sessions/{id}", session).then().extract().asString(),
        given().get("/v1/usage?session=" + session + "&limit=1000").then().extract().asString(),
        given().get("/v1/usage?limit=1").then().extract().path("total").toString(),
        given().queryParam("project", project).get("/v1/goals").then().extract().asString(),
        given()
            .queryParam("project", project)
            .queryParam("min_confidence", "0")
            .get("/v1/insights")
            .then()
            .extract()
            .asString(),
        given().queryParam("project", project).get("/v1/preferences").then().extract().asString(),
        given().get("/v1/tasks?limit=200").then().extract().asString(),
        given().get("/v1/budgets").then().extract().asString());
  }
}
