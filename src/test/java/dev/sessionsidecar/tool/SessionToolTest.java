package dev.sessionsidecar.tool;

import static dev.sessionsidecar.platform.ProblemAssertions.assertProblem;
import static dev.sessionsidecar.testing.Api.endSession;
import static dev.sessionsidecar.testing.Api.newProject;
import static dev.sessionsidecar.testing.Api.newSession;
import static dev.sessionsidecar.testing.Api.recordCall;
import static dev.sessionsidecar.testing.Api.tool;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

import io.quarkus.test.junit.QuarkusTest;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

@QuarkusTest
class SessionToolTest {

  static final List<String> ALL_ACTIONS =
      List.of(
          "current_session",
          "list_sessions",
          "get_history",
          "recap",
          "usage_summary",
          "usage_stats",
          "usage_list",
          "insights",
          "dismiss_insight",
          "tasks_list",
          "tasks_get",
          "tasks_cancel");

  @Test
  void currentSessionIsTheLastStartedOne() {
    String project = newProject();
    newSession(project);
    String id = newSession(project);
    recordCall(id, Map.of("tool", "Bash")).statusCode(201);
    tool(Map.of("action", "current_session"))
        .statusCode(200)
        .body("action", equalTo("current_session"))
        .body("data.session_id", equalTo(id))
        .body("data.project.path", equalTo(project))
        .body("data.tool_calls", equalTo(1))
        .body("text", startsWith("session " + id + " active\nproject " + project));
  }

  @Test
  void theEnvelopeFormWorksTheSame() {
    String id = newSession(newProject());
    tool(Map.of("name", "session", "arguments", Map.of("action", "current_session")))
        .statusCode(200)
        .body("data.session_id", equalTo(id));
  }

  @Test
  void noActiveSessionOnceTheCurrentOneEnded() {
    String id = newSession(newProject());
    endSession(id, Map.of()).statusCode(200);
    assertProblem(tool(Map.of("action", "current_session")), 409, "no_active_session")
        .body("detail", allOf(containsString(id), containsString("POST /v1/sessions")));
    assertProblem(tool(Map.of("action", "get_history")), 409, "no_active_session");
  }

  @Test
  void listSessionsShowsTheActiveProjectNewestActivityFirst() {
    String otherProject = newProject();
    newSession(otherProject);
    String project = newProject();
    String older = newSession(project);
    String newer = newSession(project);
    tool(Map.of("action", "list_sessions", "limit", 5))
        .statusCode(200)
        .body("data.project.path", equalTo(project))
        .body("data.total", equalTo(2))
        .body("data.since_days", equalTo(30))
        .body("data.sessions.session_id", equalTo(List.of(newer, older)))
        .body(
            "text",
            allOf(
                startsWith("project " + project + ": 2 sessions active in the last 30 days"),
                containsString("\n" + newer + " active started=")));
    tool(Map.of("action", "list_sessions", "limit", 1))
        .body("data.sessions.session_id", equalTo(List.of(newer)))
        .body("data.total", equalTo(2));
    tool(Map.of("action", "list_sessions", "since_days", 0)).body("data.total", equalTo(2));
  }

  @Test
  void getHistoryReadsTheCurrentSessionNewestFirst() {
    String id = newSession(newProject());
    recordCall(id, Map.of("tool", "Read", "arguments", Map.of("path", "/a"), "duration_ms", 3))
        .statusCode(201);
    recordCall(
            id, Map.of("tool", "Bash", "error", "exit 2", "arguments", Map.of("command", "make")))
        .statusCode(201);
    tool(Map.of("action", "get_history"))
        .statusCode(200)
        .body("data.session_id", equalTo(id))
        .body("data.total", equalTo(2))
        .body("data.tool_calls.tool", equalTo(List.of("Bash", "Read")))
        .body(
            "text",
            allOf(
                startsWith("session " + id + ": 2 tool calls, showing 2, newest first\n"),
                containsString(" Bash error args={\"command\":\"make\"} error=exit 2 id="),
                containsString(" Read ok 3ms args={\"path\":\"/a\"} id=")));
  }

  @Test
  void getHistoryOfANamedSessionInTheProject() {
    String project = newProject();
    String earlier = newSession(project);
    recordCall(earlier, Map.of("tool", "Glob")).statusCode(201);
    newSession(project);
    tool(Map.of("action", "get_history", "session_id", earlier, "limit", 1))
        .statusCode(200)
        .body("data.tool_calls.tool", equalTo(List.of("Glob")));
  }

  @Test
  void getHistoryOfAnotherProjectsSessionIsNotFound() {
    String foreign = newSession(newProject());
    newSession(newProject());
    assertProblem(tool(Map.of("action", "get_history", "session_id", foreign)), 404, "not_found")
        .body("detail", containsString("list_sessions"));
    assertProblem(tool(Map.of("action", "get_history", "session_id", "nobody")), 404, "not_found");
  }

  @Test
  void anUnknownActionListsAllTwelve() {
    assertProblem(tool(Map.of("action", "resume_session")), 400, "invalid_action")
        .body("detail", containsString(String.join(", ", ALL_ACTIONS)));
    assertProblem(tool(Map.of("limit", 3)), 400, "invalid_action")
        .body("detail", containsString(String.join(", ", ALL_ACTIONS)));
    assertProblem(tool(Map.of("action", 7)), 400, "invalid_action");
  }

  @Test
  void unknownAndForeignArgumentsAreNamed() {
    newSession(newProject());
    assertProblem(tool(Map.of("action", "list_sessions", "page", 2)), 400, "invalid_argument")
        .body("errors[0].field", equalTo("page"))
        .body("detail", containsString("limit, since_days"));
    assertProblem(tool(Map.of("action", "current_session", "limit", 2)), 400, "invalid_argument")
        .body("errors[0].field", equalTo("limit"));
  }

  @Test
  void nullArgumentsCountAsAbsent() {
    String id = newSession(newProject());
    Map<String, Object> arguments = new HashMap<>();
    arguments.put("action", "get_history");
    arguments.put("session_id", null);
    arguments.put("limit", null);
    tool(arguments).statusCode(200).body("data.session_id", equalTo(id));
  }

  @Test
  void outOfRangeValuesAreRefusedNotClamped() {
    newSession(newProject());
    assertProblem(tool(Map.of("action", "list_sessions", "limit", 0)), 400, "invalid_argument")
        .body("detail", containsString("from 1 to 200"));
    assertProblem(tool(Map.of("action", "list_sessions", "limit", 201)), 400, "invalid_argument");
    assertProblem(tool(Map.of("action", "list_sessions", "limit", "5")), 400, "invalid_argument");
    assertProblem(tool(Map.of("action", "list_sessions", "limit", 2.5)), 400, "invalid_argument");
    assertProblem(
            tool(Map.of("action", "list_sessions", "since_days", -1)), 400, "invalid_argument")
        .body("errors[0].field", equalTo("since_days"));
    assertProblem(tool(Map.of("action", "get_history", "limit", 501)), 400, "invalid_argument")
        .body("detail", containsString("from 1 to 500"));
    assertProblem(tool(Map.of("action", "get_history", "session_id", "")), 400, "invalid_argument");
  }

  @Test
  void badEnvelopesAreNamed() {
    assertProblem(
            tool(Map.of("name", "shell", "arguments", Map.of("action", "current_session"))),
            400,
            "invalid_argument")
        .body("errors[0].field", equalTo("name"));
    assertProblem(tool(Map.of("name", "session")), 400, "invalid_argument")
        .body("errors[0].field", equalTo("arguments"));
    assertProblem(tool(Map.of("name", "session", "arguments", List.of())), 400, "invalid_argument");
    assertProblem(tool(List.of(Map.of("action", "current_session"))), 400, "malformed_request");
  }
}
