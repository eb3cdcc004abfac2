package dev.sessionsidecar.hook;

import static dev.sessionsidecar.hook.ClaudeCodeHookTest.event;
import static dev.sessionsidecar.hook.ClaudeCodeHookTest.post;
import static dev.sessionsidecar.platform.ProblemAssertions.assertProblem;
import static dev.sessionsidecar.testing.Api.with;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Claude Code's PostToolBatch and its task list (TaskCreated, TaskCompleted), with inputs written
 * from the field lists of its hooks reference.
 */
@QuarkusTest
class ClaudeCodeBatchAndTaskListTest {

  private static final String CWD = "/srv/agents/batch";

  @Test
  void aBatchRecordsOnlyTheCallsNoPostToolUseReportedAsFailedAndCountsEachOnce() {
    String session = UUID.randomUUID().toString();
    Map<String, Object> read = Map.of("file_path", "/srv/agents/batch/README.md");
    Map<String, Object> remove = Map.of("command", "rm -rf build");
    post(with(
            event("PreToolUse", session, CWD),
            "tool_name",
            "Read",
            "tool_input",
            read,
            "tool_use_id",
            "toolu_read"))
        .statusCode(200);
    post(with(
            event("PostToolUse", session, CWD),
            "tool_name",
            "Read",
            "tool_input",
            read,
            "tool_use_id",
            "toolu_read",
            "tool_response",
            "# batch"))
        .statusCode(200);
    post(with(
            event("PreToolUse", session, CWD),
            "tool_name",
            "Bash",
            "tool_input",
            remove,
            "tool_use_id",
            "toolu_denied"))
        .statusCode(200);
    Map<String, Object> batch =
        with(
            event("PostToolBatch", session, CWD),
            "prompt_id",
            "prompt-3",
            "tool_calls",
            List.of(
                Map.of(
                    "tool_name",
                    "Read",
                    "tool_input",
                    read,
                    "tool_use_id",
                    "toolu_read",
                    "tool_response",
                    "# batch"),
                Map.of(
                    "tool_name",
                    "Bash",
                    "tool_input",
                    remove,
                    "tool_use_id",
                    "toolu_denied",
                    "tool_response",
                    "This command requires approval"),
                Map.of("tool_name", "Glob", "tool_input", Map.of("pattern", "*.md"))));
    post(batch).statusCode(200).body(equalTo("{}"));
    post(batch).statusCode(200); // delivered again: nothing new

    given()
        .get("/v1/sessions/{id}/tool-calls", session)
        .then()
        .body("items", hasSize(2))
        .body("items[0].call_id", equalTo("toolu_denied"))
        .body("items[0].tool", equalTo("Bash"))
        .body("items[0].ok", equalTo(false))
        .body("items[0].error", equalTo("This command requires approval"))
        .body("items[0].arguments.command", equalTo("rm -rf build"))
        .body("items[0].prompt_id", equalTo("prompt-3"))
        .body("items[1].call_id", equalTo("toolu_read"))
        .body("items[1].ok", equalTo(true));
    given()
        .get("/v1/sessions/{id}", session)
        .then()
        .body("tool_calls", equalTo(2))
        .body("errors", equalTo(1));
  }

  @Test
  void aBatchFromASubagentAttributesItsCallsAndAnEntryWithoutAResponseSaysWhy() {
    String session = UUID.randomUUID().toString();
    post(with(
            event("PostToolBatch", session, CWD),
            "agent_id",
            "agent-9",
            "agent_type",
            "Explore",
            "tool_calls",
            List.of(
                Map.of("tool_name", "Bash", "tool_input", Map.of(), "tool_use_id", "toolu_sb"))))
        .statusCode(200);

    given()
        .get("/v1/sessions/{id}/tool-calls", session)
        .then()
        .body("items", hasSize(1))
        .body("items[0].agent", equalTo("Explore"))
        .body("items[0].error", equalTo(HookToolCalls.NOT_RUN));
  }

  @Test
  void aMalformedBatchIsA400NamingTheFieldAndWritesNothing() {
    String session = UUID.randomUUID().toString();
    assertProblem(
            post(with(event("PostToolBatch", session, CWD), "tool_calls", "toolu_1")),
            400,
            "invalid_argument")
        .body("errors[0].field", equalTo("tool_calls"));
    assertProblem(
            post(
                with(
                    event("PostToolBatch", session, CWD),
                    "tool_calls",
                    List.of(Map.of("tool_name", "Read", "tool_use_id", "toolu_ok"), 7))),
            400,
            "invalid_argument")
        .body("errors[0].field", equalTo("tool_calls[1]"));
    List<Map<String, Object>> tooMany =
        Collections.nCopies(
            HookToolCalls.MAX_BATCH + 1, Map.of("tool_name", "Read", "tool_use_id", "toolu_x"));
    assertProblem(
            post(with(event("PostToolBatch", session, CWD), "tool_calls", tooMany)),
            400,
            "invalid_argument")
        .body("detail", containsString("at most " + HookToolCalls.MAX_BATCH));
    given().get("/v1/sessions/{id}", session).then().statusCode(404); // nothing was written
  }

  @Test
  void theTaskListBecomesExternalTasksOfTheSessionOncePerEntry() {
    String session = UUID.randomUUID().toString();
    Map<String, Object> created =
        with(
            event("TaskCreated", session, CWD),
            "task_id",
            "1",
            "task_subject",
            "Add the login endpoint",
            "task_description",
            "POST /login with a session cookie",
            "teammate_name",
            "implementer");
    post(created).statusCode(200).body(equalTo("{}"));
    post(created).statusCode(200); // delivered again
    post(with(
            event("TaskCreated", session, CWD), "task_id", "2", "task_subject", "Write the tests"))
        .statusCode(200);

    List<Map<String, Object>> tasks = tasksOf(session);
    assertEquals(2, tasks.size(), tasks.toString());
    Map<String, Object> login = byTitle(tasks, "Add the login endpoint");
    assertEquals("external", login.get("kind"));
    assertEquals("agent", login.get("owner"));
    assertEquals("working", login.get("status"));
    assertEquals("POST /login with a session cookie", login.get("statusMessage"));

    Map<String, Object> done =
        with(
            event("TaskCompleted", session, CWD),
            "task_id",
            "1",
            "task_subject",
            "Add the login endpoint");
    post(done).statusCode(200);
    post(done).statusCode(200); // a completed task stays as it is
    given()
        .get("/v1/tasks/{id}", login.get("taskId"))
        .then()
        .body("status", equalTo("completed"))
        .body("progress", equalTo(1.0f));
    assertEquals(
        "working", byTitle(tasksOf(session), "Write the tests").get("status"), "the other entry");
  }

  @Test
  void aCompletionWithoutItsCreationAndACancelledEntryAreHandledWithoutErrors() {
    String session = UUID.randomUUID().toString();
    post(with(
            event("TaskCompleted", session, CWD),
            "task_id",
            "7",
            "task_subject",
            "Done before the hooks were installed"))
        .statusCode(200);
    assertEquals(
        "completed",
        byTitle(tasksOf(session), "Done before the hooks were installed").get("status"));

    post(with(event("TaskCreated", session, CWD), "task_id", "8", "task_subject", "Dropped"))
        .statusCode(200);
    String dropped = (String) byTitle(tasksOf(session), "Dropped").get("taskId");
    given().post("/v1/tasks/{id}/cancel", dropped).then().statusCode(200);
    post(with(event("TaskCompleted", session, CWD), "task_id", "8")).statusCode(200);
    given().get("/v1/tasks/{id}", dropped).then().body("status", equalTo("cancelled"));
  }

  @Test
  void entriesOfTwoSessionsWithTheSameIdAreTwoTasksAndAnEntryNeedsAnId() {
    String first = UUID.randomUUID().toString();
    String second = UUID.randomUUID().toString();
    post(with(event("TaskCreated", first, CWD), "task_id", "1", "task_subject", "A"))
        .statusCode(200);
    post(with(event("TaskCreated", second, CWD), "task_id", "1", "task_subject", "A"))
        .statusCode(200);
    assertNotEquals(tasksOf(first).get(0).get("taskId"), tasksOf(second).get(0).get("taskId"));

    assertProblem(
            post(with(event("TaskCreated", first, CWD), "task_subject", "no id")),
            400,
            "invalid_argument")
        .body("errors[0].field", equalTo("task_id"));
    assertEquals(1, tasksOf(first).size());
    String unseen = UUID.randomUUID().toString();
    post(with(event("TaskCreated", unseen, CWD), "task_id", 3)).statusCode(400);
    given().get("/v1/sessions/{id}", unseen).then().statusCode(404); // nothing was written
  }

  @Test
  void overLongTextIsSummarisedAndAnOverLongNameOrIdIsRefusedWithNothingWritten() {
    String session = UUID.randomUUID().toString();
    String longName = "T".repeat(201);
    assertProblem(
            post(
                with(
                    event("PostToolBatch", session, CWD),
                    "tool_calls",
                    List.of(
                        Map.of("tool_name", "Read", "tool_use_id", "toolu_ok"),
                        Map.of("tool_name", longName, "tool_use_id", "toolu_long")))),
            400,
            "invalid_argument")
        .body("errors[0].field", equalTo("tool_calls[1].tool_name"))
        .body("errors[0].message", containsString("200"));
    given().get("/v1/sessions/{id}", session).then().statusCode(404); // nothing was written
    post(with(event("TaskCreated", session, CWD), "task_id", "1", "task_subject", "S".repeat(3000)))
        .statusCode(200);
    assertEquals(500, ((String) tasksOf(session).get(0).get("title")).length());
    assertProblem(
            post(with(event("TaskCompleted", session, CWD), "task_id", "9".repeat(201))),
            400,
            "invalid_argument")
        .body("errors[0].field", equalTo("task_id"));
    assertProblem(
            post(with(event("TaskCreated", session, CWD), "task_id", 12)), 400, "invalid_argument")
        .body("errors[0].field", equalTo("task_id"))
        .body("detail", containsString("must be a string"));
    assertProblem(
            post(with(event("PostToolUse", session, CWD), "tool_use_id", "x".repeat(201))),
            400,
            "invalid_argument")
        .body("errors[0].field", equalTo("tool_use_id"));
    assertProblem(
            post(with(event("PostToolUse", session, CWD), "tool_use_id", "a", "duration_ms", -1)),
            400,
            "invalid_argument")
        .body("errors[0].field", equalTo("duration_ms"));
    given()
        .get("/v1/sessions/{id}", session)
        .then()
        .body("tool_calls", equalTo(0))
        .body("status", equalTo("active"));
  }

  private static List<Map<String, Object>> tasksOf(String session) {
    JsonPath all = given().queryParam("limit", 200).get("/v1/tasks").then().extract().jsonPath();
    return all.getList("findAll { it.session_id == '" + session + "' }");
  }

  private static Map<String, Object> byTitle(List<Map<String, Object>> tasks, String title) {
    return tasks.stream()
        .filter(t -> title.equals(t.get("title")))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no task '" + title + "' in " + tasks));
  }
}
