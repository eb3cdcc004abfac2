package dev.sessionsidecar.fleet;

import static dev.sessionsidecar.testing.Api.newProject;
import static dev.sessionsidecar.testing.Api.newSession;
import static dev.sessionsidecar.testing.Api.recordCall;
import static dev.sessionsidecar.testing.Api.recordUsage;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sessionsidecar.testing.TestStore;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Every view narrowed with {@code ?pod=} or {@code ?namespace=}: to this sidecar's pod it shows
 * what the API narrowed the same way says; to a pod or namespace without sidecars, nothing.
 */
@QuarkusTest
@TestProfile(PodNarrowingTest.Pod.class)
class PodNarrowingTest {

  static final String POD = "agent-7c9d4-narrow";

  /** A fresh store, in a pod of namespace {@code agents}. */
  public static class Pod implements QuarkusTestProfile {
    @Override
    public Map<String, String> getConfigOverrides() {
      Map<String, String> config = new HashMap<>(TestStore.fresh("narrowing"));
      config.putAll(Map.of("sidecar.pod-name", POD, "sidecar.pod-namespace", "agents"));
      return config;
    }
  }

  @Test
  void everyViewNarrowsToThisPodOrToNothingElsewhere() {
    String session = newSession(newProject());
    recordCall(session, Map.of("tool", "Edit")).statusCode(201);
    recordUsage(
            Map.of(
                "session_id",
                session,
                "provider",
                "openai",
                "model",
                "gpt-4o",
                "input_tokens",
                700,
                "output_tokens",
                70))
        .statusCode(201);
    JsonPath here =
        given()
            .get("/v1/usage/summary?since_days=7&pod=" + POD)
            .then()
            .statusCode(200)
            .body("scope.pod", equalTo(POD))
            .body("scope.project", nullValue())
            .extract()
            .jsonPath();
    JsonPath all = given().get("/v1/instances?pod=" + POD).then().extract().jsonPath();
    assertEquals(List.of(POD), all.getList("instance"));
    assertEquals(all.getLong("[0].llm_requests"), here.getLong("usage.requests"));
    given()
        .get("/v1/usage/summary?namespace=elsewhere")
        .then()
        .body("usage.requests", equalTo(0))
        .body("scope.namespace", equalTo("elsewhere"));
    given().get("/v1/usage/stats?pod=elsewhere").then().body("groups", hasSize(0));
    given().get("/v1/instances?namespace=elsewhere").then().body("$", hasSize(0));

    String overview =
        given().get("/?days=7&pod=" + POD).then().statusCode(200).extract().asString();
    assertEquals(String.valueOf(here.getLong("usage.requests")), tile(overview, "total-requests"));
    assertTrue(overview.contains("id=\"narrowed\""), "the overview says it is narrowed");
    assertTrue(overview.contains("href=\"/ui/usage?pod=" + POD + "\""), "links keep the pod");
    String elsewhere = given().get("/?namespace=elsewhere").then().extract().asString();
    assertEquals("0", tile(elsewhere, "total-requests"));
    assertEquals("0", tile(elsewhere, "total-sessions"));

    given()
        .get("/ui/usage?days=7&pod=" + POD)
        .then()
        .statusCode(200)
        .body(containsString("id=\"usage-requests\">" + here.getLong("usage.requests") + "<"));
    given().get("/ui/usage?pod=elsewhere").then().body(containsString("id=\"usage-requests\">0<"));
    given()
        .get("/ui/recap?pod=" + POD)
        .then()
        .statusCode(200)
        .body(containsString("## Current session"))
        .body(containsString(session));
    given()
        .get("/ui/tasks/rows?pod=elsewhere")
        .then()
        .statusCode(200)
        .body(containsString("No tasks in this window."));
    given()
        .get("/ui/insights?namespace=elsewhere")
        .then()
        .statusCode(200)
        .body(containsString("id=\"no-insights\""));
    given()
        .get("/ui/fleet?pod=elsewhere")
        .then()
        .statusCode(200)
        .body(containsString("No sidecar"));
  }

  /** The text of one of the overview's figures. */
  private static String tile(String page, String id) {
    Matcher figure = Pattern.compile("id=\"" + id + "\">([^<]*)<").matcher(page);
    assertTrue(figure.find(), id + " is on the page");
    return figure.group(1).trim();
  }
}
