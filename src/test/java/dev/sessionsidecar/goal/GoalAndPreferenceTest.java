package dev.sessionsidecar.goal;

import static dev.sessionsidecar.platform.ProblemAssertions.assertProblem;
import static dev.sessionsidecar.testing.Api.newProject;
import static dev.sessionsidecar.testing.Api.newSession;
import static dev.sessionsidecar.testing.Goals.patchGoal;
import static dev.sessionsidecar.testing.Goals.postGoal;
import static dev.sessionsidecar.testing.Goals.putPreference;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import io.quarkus.test.junit.QuarkusTest;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

@QuarkusTest
class GoalAndPreferenceTest {

  @Test
  void aGoalIsCreatedReadChangedAndDeleted() {
    String project = newProject();
    newSession(project);
    String id =
        postGoal(Map.of("title", "Ship the recap"))
            .statusCode(201)
            .body("status", equalTo("planning"))
            .body("priority", equalTo("medium"))
            .body("progress_percent", equalTo(0))
            .body("project", equalTo(project))
            .extract()
            .path("id");
    patchGoal(id, Map.of("status", "in_progress", "progress_percent", 40, "priority", "high"))
        .statusCode(200)
        .body("status", equalTo("in_progress"))
        .body("progress_percent", equalTo(40))
        .body("title", equalTo("Ship the recap"));
    given().get("/v1/goals/{id}", id).then().statusCode(200).body("priority", equalTo("high"));
    given().get("/v1/goals?status=in_progress").then().body("id", hasItem(id));
    given().delete("/v1/goals/{id}", id).then().statusCode(204);
    assertProblem(given().get("/v1/goals/{id}", id).then(), 404, "not_found");
  }

  @Test
  void aGlobalGoalShowsWithEveryProjectsGoals() {
    String project = newProject();
    newSession(project);
    String global =
        postGoal(Map.of("title", "Keep costs down", "project", "global"))
            .statusCode(201)
            .body("project", equalTo("global"))
            .extract()
            .path("id");
    String own = postGoal(Map.of("title", "Own goal")).extract().path("id");
    given().get("/v1/goals").then().body("id", hasItem(global)).body("id", hasItem(own));
    given().get("/v1/goals?project=global").then().body("id", hasItem(global));
  }

  @Test
  void badGoalsAre400sNamingTheFieldAndTheAllowedValues() {
    newSession(newProject());
    String id = postGoal(Map.of("title", "A goal")).extract().path("id");
    Map<String, Object> cases = new HashMap<>();
    cases.put("status", "done");
    cases.put("priority", "urgent");
    cases.put("progress_percent", 101);
    for (Map.Entry<String, Object> bad : cases.entrySet()) {
      Map<String, Object> body = new HashMap<>(Map.of("title", "x"));
      body.put(bad.getKey(), bad.getValue());
      assertProblem(postGoal(body), 400, "invalid_argument")
          .body("errors[0].field", equalTo(bad.getKey()));
      assertProblem(patchGoal(id, Map.of(bad.getKey(), bad.getValue())), 400, "invalid_argument");
    }
    assertProblem(postGoal(Map.of("title", "x", "status", "done")), 400, "invalid_argument")
        .body(
            "errors[0].message",
            containsString("planning, in_progress, blocked, completed, abandoned"));
    assertProblem(postGoal(Map.of("title", "x", "priority", "urgent")), 400, "invalid_argument")
        .body("errors[0].message", containsString("low, medium, high, critical"));
    assertProblem(postGoal(Map.of("title", "x", "progress_percent", -1)), 400, "invalid_argument");
    assertProblem(
        postGoal(Map.of("title", "x", "progress_percent", "half")), 400, "invalid_argument");
    assertProblem(postGoal(Map.of("title", "   ")), 400, "invalid_argument")
        .body("errors[0].field", equalTo("title"));
    assertProblem(postGoal(Map.of("title", "")), 400, "invalid_argument");
    assertProblem(postGoal(Map.of("detail", "no title")), 400, "invalid_argument")
        .body("errors[0].field", equalTo("title"));
    assertProblem(postGoal(Map.of("title", "x", "owner", "me")), 400, "invalid_argument");
    assertProblem(patchGoal(id, Map.of()), 400, "invalid_argument");
    assertProblem(patchGoal(id, Map.of("project", "global")), 400, "invalid_argument")
        .body("errors[0].field", equalTo("project"));
    assertProblem(patchGoal("nope", Map.of("title", "y")), 404, "not_found");
    assertProblem(given().get("/v1/goals?status=done").then(), 400, "invalid_argument");
    given().get("/v1/goals/{id}", id).then().body("title", equalTo("A goal"));
  }

  @Test
  void aProjectPreferenceOverridesTheGlobalOne() {
    String project = newProject();
    newSession(project);
    String key = "style-" + System.nanoTime();
    putPreference(key, Map.of("value", "terse", "project", "global"))
        .statusCode(201)
        .body("project", equalTo("global"));
    putPreference(key, Map.of("value", "verbose"))
        .statusCode(201)
        .body("project", equalTo(project));
    putPreference(key, Map.of("value", "very verbose")).statusCode(200);
    List<Map<String, Object>> effective =
        given()
            .get("/v1/preferences")
            .then()
            .statusCode(200)
            .extract()
            .path("findAll { it.key == '" + key + "' }");
    org.junit.jupiter.api.Assertions.assertEquals(1, effective.size());
    org.junit.jupiter.api.Assertions.assertEquals("very verbose", effective.get(0).get("value"));
    org.junit.jupiter.api.Assertions.assertEquals(true, effective.get(0).get("overrides_global"));
    given()
        .get("/v1/preferences?project=global")
        .then()
        .body("find { it.key == '" + key + "' }.value", equalTo("terse"));

    given().delete("/v1/preferences/{key}", key).then().statusCode(204);
    given()
        .get("/v1/preferences")
        .then()
        .body("find { it.key == '" + key + "' }.value", equalTo("terse"));
    assertProblem(given().delete("/v1/preferences/{key}", key).then(), 404, "not_found");
  }

  @Test
  void badPreferencesAre400s() {
    newSession(newProject());
    assertProblem(putPreference("has space", Map.of("value", "x")), 400, "invalid_argument")
        .body("errors[0].field", equalTo("key"));
    assertProblem(putPreference("k", Map.of()), 400, "invalid_argument")
        .body("errors[0].field", equalTo("value"));
    assertProblem(putPreference("k", Map.of("value", "")), 400, "invalid_argument");
    assertProblem(putPreference("k", Map.of("value", "x".repeat(1001))), 400, "invalid_argument");
    assertProblem(putPreference("k", Map.of("value", 3)), 400, "invalid_argument");
    assertProblem(
        putPreference("k", Map.of("value", "x", "scope", "all")), 400, "invalid_argument");
    assertProblem(given().get("/v1/preferences?limit=0").then(), 400, "invalid_argument");
  }
}
