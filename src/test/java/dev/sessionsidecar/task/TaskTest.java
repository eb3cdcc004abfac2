package dev.sessionsidecar.task;

import static dev.sessionsidecar.platform.ProblemAssertions.assertProblem;
import static dev.sessionsidecar.testing.Api.tool;
import static dev.sessionsidecar.testing.Tasks.await;
import static dev.sessionsidecar.testing.Tasks.cancel;
import static dev.sessionsidecar.testing.Tasks.create;
import static dev.sessionsidecar.testing.Tasks.createId;
import static dev.sessionsidecar.testing.Tasks.get;
import static dev.sessionsidecar.testing.Tasks.message;
import static dev.sessionsidecar.testing.Tasks.patch;
import static dev.sessionsidecar.testing.Tasks.status;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assumptions.assumeFalse;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.sessionsidecar.testing.TestStore;
import io.quarkus.test.junit.QuarkusTest;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

@QuarkusTest
class TaskTest {

  @Test
  void aBackupRunsToCompletionWithItsFile() {
    assumeFalse(TestStore.isPostgresql(), "backups are the H2 file's; see the next test");
    String id = createId(Map.of("kind", "backup"));
    await(id, status("completed"))
        .body("status", equalTo("completed"))
        .body("owner", equalTo("sidecar"))
        .body("progress", equalTo(1.0f))
        .body("result.path", startsWith("backups/sidecar-"))
        .body("result.path", endsWith(".zip"))
        .body("result.size_bytes", greaterThan(0));
  }

  @Test
  void aPurgeDeletesOldRecordsKeepsTheirTotalsAndReportsWhatItDeleted() {
    String session =
        dev.sessionsidecar.testing.Api.newSession(dev.sessionsidecar.testing.Api.newProject());
    Map<String, Object> old =
        Map.of(
            "provider", "openai",
            "model", "gpt-4o",
            "input_tokens", 1000,
            "output_tokens", 10,
            "created_at", "2020-01-01T00:00:00Z");
    given()
        .contentType(io.restassured.http.ContentType.JSON)
        .body(old)
        .post("/v1/usage")
        .then()
        .statusCode(201);
    String id = createId(Map.of("kind", "purge"));
    await(id, status("completed"))
        .body("result.deleted.usage_records", greaterThan(0))
        .body("result.deleted.tool_calls", notNullValue())
        .body("result.deleted.usage_records", notNullValue())
        .body("result.deleted.sessions", notNullValue())
        .body("result.deleted.tasks", notNullValue())
        .body("result.cutoffs.tool_calls", notNullValue());
    given().queryParam("session", session).get("/v1/usage").then().body("total", equalTo(0));
    tool(Map.of("action", "usage_summary", "since_days", 0))
        .body("data.usage.requests", equalTo(1))
        .body("data.usage.input_tokens", equalTo(1000));
  }

  @Test
  void aRunningTaskCancelledMidRunStaysCancelledWithNoLateResult() throws Exception {
    String id = createId(Map.of("kind", "purge", "parameters", Map.of("pause_ms", 1500)));
    await(id, message("deleting usage_records"))
        .body("statusMessage", equalTo("deleting usage_records"));
    cancel(id).statusCode(200).body("status", equalTo("cancelled"));
    // Longer than the remaining steps would take had the run gone on.
    Thread.sleep(4_000);
    get(id)
        .body("status", equalTo("cancelled"))
        .body("result", nullValue())
        .body("statusMessage", equalTo("cancelled on request"));
  }

  @Test
  void onPostgresqlABackupIsRefusedAndSaysWhatToUse() {
    assumeTrue(TestStore.isPostgresql(), "on H2 the backup runs (previous test)");
    assertProblem(create(Map.of("kind", "backup")), 400, "invalid_argument")
        .body("errors[0].field", equalTo("kind"))
        .body("detail", containsString("pg_dump"));
  }

  @Test
  void finalTasksNeverChange() {
    String id = createId(Map.of("kind", "purge"));
    await(id, status("completed"));
    assertProblem(cancel(id), 409, "conflict")
        .body("current.status", equalTo("completed"))
        .body("detail", containsString("final"));
    assertProblem(patch(id, Map.of("status", "failed")), 409, "conflict")
        .body("current.owner", equalTo("sidecar"));
    get(id).body("status", equalTo("completed"));
  }

  @Test
  void anAgentTaskIsRegisteredUpdatedAndCompleted() {
    io.restassured.response.ExtractableResponse<?> created =
        create(Map.of("kind", "external", "title", "run the test suite", "session_id", "agent-1"))
            .statusCode(201)
            .extract();
    String id = created.path("taskId");
    org.hamcrest.MatcherAssert.assertThat(created.header("Location"), endsWith("/v1/tasks/" + id));
    get(id)
        .body("status", equalTo("working"))
        .body("owner", equalTo("agent"))
        .body("session_id", equalTo("agent-1"));
    patch(id, Map.of("progress", 0.5, "statusMessage", "half way"))
        .statusCode(200)
        .body("progress", equalTo(0.5f))
        .body("statusMessage", equalTo("half way"));
    patch(id, Map.of("status", "input_required", "statusMessage", "which branch?"))
        .body("status", equalTo("input_required"));
    patch(id, Map.of("status", "completed", "result", Map.of("passed", 120)))
        .body("status", equalTo("completed"))
        .body("result.passed", equalTo(120));
    assertProblem(patch(id, Map.of("progress", 0.1)), 409, "conflict")
        .body("current.status", equalTo("completed"));
  }

  @Test
  void anAgentTaskResultNestedAsDeepAsARequestMayStaysReadable() {
    String id = createId(Map.of("kind", "external", "title", "deep result"));
    String deep = "[".repeat(999) + "]".repeat(999);
    patch(id, "{\"status\":\"completed\",\"result\":" + deep + "}")
        .statusCode(200)
        .body("result", equalTo(deep));
    get(id).statusCode(200).body("result", equalTo(deep));
    tool(Map.of("action", "tasks_get", "task_id", id))
        .statusCode(200)
        .body("data.result", equalTo(deep));
  }

  @Test
  void anAgentTaskCancelledAnswersItsNextUpdateWith409AndTheTask() {
    String id = createId(Map.of("kind", "external", "title", "long refactor"));
    tool(Map.of("action", "tasks_cancel", "task_id", id))
        .statusCode(200)
        .body("data.status", equalTo("cancelled"))
        .body("text", startsWith("cancelled\n" + id + " cancelled"));
    assertProblem(patch(id, Map.of("progress", 0.9)), 409, "conflict")
        .body("current.taskId", equalTo(id))
        .body("current.status", equalTo("cancelled"));
    patch(id, Map.of("status", "failed", "error", "gave up"));
    get(id).body("status", equalTo("cancelled")).body("error", nullValue());
  }

  @Test
  void anAgentTaskCanFail() {
    String id = createId(Map.of("kind", "external", "title", "deploy"));
    patch(id, Map.of("status", "failed", "error", "cluster unreachable"))
        .statusCode(200)
        .body("status", equalTo("failed"))
        .body("error", equalTo("cluster unreachable"));
  }

  @Test
  void tasksGetShowsEverythingAndThePollInterval() {
    String id =
        createId(
            Map.of("kind", "external", "title", "index docs", "pollInterval", 5000, "ttl", 60_000));
    tool(Map.of("action", "tasks_get", "task_id", id))
        .statusCode(200)
        .body("data.taskId", equalTo(id))
        .body("data.pollInterval", equalTo(5000))
        .body("data.ttl", equalTo(60_000))
        .body("text", containsString("poll every 5000ms"));
  }

  @Test
  void tasksListPutsOpenTasksFirst() {
    String done = createId(Map.of("kind", "external", "title", "done one"));
    patch(done, Map.of("status", "completed"));
    String open = createId(Map.of("kind", "external", "title", "open one"));
    List<String> ids =
        tool(Map.of("action", "tasks_list", "limit", 200))
            .statusCode(200)
            .extract()
            .path("data.tasks.taskId");
    List<String> statuses =
        tool(Map.of("action", "tasks_list", "limit", 200)).extract().path("data.tasks.status");
    int firstFinished = statuses.indexOf("completed");
    org.junit.jupiter.api.Assertions.assertTrue(ids.indexOf(open) < firstFinished, ids.toString());
    org.junit.jupiter.api.Assertions.assertTrue(ids.contains(done));
    org.junit.jupiter.api.Assertions.assertTrue(
        statuses.subList(firstFinished, statuses.size()).stream()
            .noneMatch(s -> s.equals("working") || s.equals("input_required")),
        statuses.toString());
  }

  @Test
  void anExpiredTaskIsGone() {
    String id = createId(Map.of("kind", "external", "title", "short lived", "ttl", 1000));
    await(id, task -> task.extract().statusCode() == 404);
    assertProblem(get(id), 404, "not_found");
  }

  @Test
  void unknownTasksAreNotFound() {
    assertProblem(get(UUID.randomUUID().toString()), 404, "not_found");
    assertProblem(get("../../etc/passwd"), 404, "not_found");
    assertProblem(cancel(UUID.randomUUID().toString()), 404, "not_found");
    assertProblem(tool(Map.of("action", "tasks_get", "task_id", "nope")), 404, "not_found")
        .body("detail", containsString("tasks_list"));
    assertProblem(
        tool(Map.of("action", "tasks_cancel", "task_id", UUID.randomUUID().toString())),
        404,
        "not_found");
    assertProblem(tool(Map.of("action", "tasks_get")), 400, "invalid_argument")
        .body("errors[0].field", equalTo("task_id"));
  }

  @Test
  void badTaskRequestsAreNamed() {
    assertProblem(create(Map.of("kind", "reboot")), 400, "invalid_argument")
        .body("detail", containsString("backup, ponder, purge, external"));
    assertProblem(create(Map.of()), 400, "invalid_argument")
        .body("errors[0].field", equalTo("kind"));
    assertProblem(create(Map.of("kind", "external")), 400, "invalid_argument")
        .body("errors[0].field", equalTo("title"));
    assertProblem(
            create(Map.of("kind", "purge", "parameters", Map.of("older_than", 3))),
            400,
            "invalid_argument")
        .body("errors[0].field", equalTo("parameters.older_than"))
        .body("detail", containsString("pause_ms"));
    assertProblem(
            create(Map.of("kind", "purge", "parameters", Map.of("pause_ms", -1))),
            400,
            "invalid_argument")
        .body("errors[0].field", equalTo("parameters.pause_ms"));
    assertProblem(
        create(Map.of("kind", "backup", "parameters", List.of())), 400, "invalid_argument");
    assertProblem(
            create(Map.of("kind", "external", "title", "x", "ttl", 999_999_999_999L)),
            400,
            "invalid_argument")
        .body("errors[0].field", equalTo("ttl"));
    assertProblem(
        create(Map.of("kind", "external", "title", "x", "ttl", 10)), 400, "invalid_argument");
    String id = createId(Map.of("kind", "external", "title", "x"));
    assertProblem(patch(id, Map.of("status", "cancelled")), 400, "invalid_argument")
        .body("detail", containsString("/cancel"));
    assertProblem(patch(id, Map.of("progress", 1.5)), 400, "invalid_argument")
        .body("errors[0].field", equalTo("progress"));
    assertProblem(patch(id, Map.of("colour", "red")), 400, "invalid_argument")
        .body("errors[0].field", equalTo("colour"));
    get(id).body("status", equalTo("working")).body("progress", nullValue());
    assertProblem(given().queryParam("limit", 0).get("/v1/tasks").then(), 400, "invalid_argument");
  }
}
