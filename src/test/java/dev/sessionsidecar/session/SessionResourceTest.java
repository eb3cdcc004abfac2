package dev.sessionsidecar.session;

import static dev.sessionsidecar.platform.ProblemAssertions.assertProblem;
import static dev.sessionsidecar.testing.Api.concurrently;
import static dev.sessionsidecar.testing.Api.endSession;
import static dev.sessionsidecar.testing.Api.newId;
import static dev.sessionsidecar.testing.Api.newProject;
import static dev.sessionsidecar.testing.Api.newSession;
import static dev.sessionsidecar.testing.Api.recordCall;
import static dev.sessionsidecar.testing.Api.startSession;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.test.junit.QuarkusTest;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

@QuarkusTest
class SessionResourceTest {

  @Test
  void aProjectWhoseLastSegmentIsLongerThanANameKeepsItsPathWhole() {
    String path = newProject() + "/" + "c".repeat(201);
    startSession(Map.of("session_id", newId("long"), "project_path", path))
        .statusCode(201)
        .body("project.path", equalTo(path))
        .body("project.name", equalTo("c".repeat(199) + "…"));
  }

  @Test
  void startingANewIdCreatesTheSessionAndResumingItAnswers200() {
    String project = newProject();
    String id = newId("agent");
    startSession(
            Map.of(
                "session_id", id,
                "project_path", project,
                "source", "startup",
                "branch", "main",
                "client", "claude-code/2.1"))
        .statusCode(201)
        .header("Location", endsWith("/v1/sessions/" + id))
        .body("session_id", equalTo(id))
        .body("status", equalTo("active"))
        .body("project.path", equalTo(project))
        .body("project.name", equalTo(project.substring(project.lastIndexOf('/') + 1)))
        .body("branch", equalTo("main"))
        .body("tool_calls", equalTo(0));

    startSession(Map.of("session_id", id, "source", "resume"))
        .statusCode(200)
        .body("session_id", equalTo(id))
        .body("source", equalTo("resume"))
        .body("branch", equalTo("main"));
  }

  @Test
  void concurrentStartsOfOneNewIdCreateItOnce() throws Exception {
    String id = newId("race");
    String project = newProject();
    List<Integer> statuses =
        concurrently(
            16,
            () ->
                startSession(Map.of("session_id", id, "project_path", project))
                    .extract()
                    .statusCode());
    assertEquals(1, statuses.stream().filter(s -> s == 201).count(), statuses.toString());
    assertEquals(15, statuses.stream().filter(s -> s == 200).count(), statuses.toString());
    given().queryParam("project", project).get("/v1/sessions").then().body("total", equalTo(1));
  }

  @Test
  void aSessionWithoutIdGetsAGeneratedOne() {
    startSession(Map.of("project_path", newProject(), "project_name", "shop"))
        .statusCode(201)
        .body("session_id", notNullValue())
        .body("project.name", equalTo("shop"));
  }

  @Test
  void resumingASessionUnderAnotherProjectIsAConflict() {
    String id = newSession(newProject());
    assertProblem(
            startSession(Map.of("session_id", id, "project_path", newProject())), 409, "conflict")
        .body("detail", containsString("belongs to project"));
  }

  @Test
  void endingWithASummaryKeepsIt() {
    String id = newSession(newProject());
    endSession(id, Map.of("summary", "Fixed the login bug."))
        .statusCode(200)
        .body("status", equalTo("completed"))
        .body("summary", equalTo("Fixed the login bug."))
        .body("ended_at", notNullValue());
  }

  @Test
  void endingWithoutASummaryWritesAFactualOne() {
    String id = newSession(newProject());
    recordCall(id, Map.of("tool", "Bash")).statusCode(201);
    recordCall(id, Map.of("tool", "Bash")).statusCode(201);
    recordCall(id, Map.of("tool", "Read", "ok", false, "error", "ENOENT")).statusCode(201);
    endSession(id, Map.of())
        .statusCode(200)
        .body("summary", containsString("3 tool calls, 1 error"))
        .body("summary", containsString("top tools: Bash x2, Read x1"));
  }

  @Test
  void endingNeedsNoBody() {
    String id = newSession(newProject());
    given()
        .post("/v1/sessions/{id}/end", id)
        .then()
        .statusCode(200)
        .body("status", equalTo("completed"));
  }

  @Test
  void endingAgainAndResumingAfterEndWork() {
    String id = newSession(newProject());
    endSession(id, Map.of()).statusCode(200);
    startSession(Map.of("session_id", id))
        .statusCode(200)
        .body("status", equalTo("active"))
        .body("ended_at", nullValue());
  }

  @Test
  void listFiltersByProjectAndStatusNewestActivityFirst() {
    String project = newProject();
    String first = newSession(project);
    String second = newSession(project);
    endSession(second, Map.of()).statusCode(200);
    recordCall(first, Map.of("tool", "Edit")).statusCode(201);

    given()
        .queryParam("project", project)
        .get("/v1/sessions")
        .then()
        .statusCode(200)
        .body("total", equalTo(2))
        .body("items[0].session_id", equalTo(first))
        .body("items[1].session_id", equalTo(second));

    given()
        .queryParam("project", project)
        .queryParam("status", "completed")
        .get("/v1/sessions")
        .then()
        .statusCode(200)
        .body("total", equalTo(1))
        .body("items[0].session_id", equalTo(second));

    given()
        .queryParam("project", project)
        .queryParam("limit", 1)
        .queryParam("offset", 1)
        .get("/v1/sessions")
        .then()
        .statusCode(200)
        .body("items.size()", equalTo(1))
        .body("items[0].session_id", equalTo(second));
  }

  @Test
  void readingOneSessionAndUnknownIds() {
    String id = newSession(newProject());
    given().get("/v1/sessions/{id}", id).then().statusCode(200).body("session_id", equalTo(id));
    assertProblem(given().get("/v1/sessions/{id}", "no-such-session").then(), 404, "not_found");
    assertProblem(endSession("no-such-session", Map.of()), 404, "not_found");
  }

  @Test
  void badListParametersAreNamed() {
    assertProblem(
            given().queryParam("status", "sleeping").get("/v1/sessions").then(),
            400,
            "invalid_argument")
        .body("errors[0].field", equalTo("status"))
        .body("detail", containsString("active, idle_closed, completed"));
    assertProblem(
            given().queryParam("limit", "ten").get("/v1/sessions").then(), 400, "invalid_argument")
        .body("errors[0].field", equalTo("limit"));
    assertProblem(
        given().queryParam("limit", 501).get("/v1/sessions").then(), 400, "invalid_argument");
    assertProblem(
        given().queryParam("offset", -1).get("/v1/sessions").then(), 400, "invalid_argument");
    assertProblem(
            given().queryParam("sort", "asc").get("/v1/sessions").then(), 400, "invalid_argument")
        .body("detail", containsString("accepted: limit, namespace, offset, pod, project, status"));
  }

  @Test
  void badStartBodiesAreNamed() {
    assertProblem(
            startSession(Map.of("session_id", "../../etc/passwd", "project_path", "/p")),
            400,
            "invalid_argument")
        .body("errors[0].field", equalTo("session_id"));
    assertProblem(
            startSession(Map.of("project_path", "/p", "source", "reboot")), 400, "invalid_argument")
        .body("errors[0].field", equalTo("source"))
        .body("detail", containsString("startup, resume, clear, compact"));
    assertProblem(startSession(Map.of("session_id", newId("x"))), 400, "invalid_argument")
        .body("errors[0].field", equalTo("project_path"));
    assertProblem(
            startSession(Map.of("project_path", "/p", "colour", "red")), 400, "invalid_argument")
        .body("errors[0].field", equalTo("colour"))
        .body("detail", containsString("project_path"));
    assertProblem(startSession(Map.of("project_path", 42)), 400, "invalid_argument")
        .body("errors[0].field", equalTo("project_path"));
    assertProblem(startSession(Map.of("project_path", "")), 400, "invalid_argument");
    assertProblem(startSession("x".repeat(10)), 400, "malformed_request");
  }

  @Test
  void invalidSessionIdInThePathIsABadRequest() {
    assertProblem(given().get("/v1/sessions/{id}", "-bad id-").then(), 400, "invalid_argument")
        .body("errors[0].field", equalTo("session_id"));
  }
}
