package dev.sessionsidecar.fleet;

import static dev.sessionsidecar.platform.ProblemAssertions.assertProblem;
import static dev.sessionsidecar.testing.Api.newProject;
import static dev.sessionsidecar.testing.Api.newSession;
import static dev.sessionsidecar.testing.Api.recordCall;
import static dev.sessionsidecar.testing.Api.recordUsage;
import static dev.sessionsidecar.testing.Api.tool;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sessionsidecar.testing.TestStore;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The sidecars that share the database, as {@code GET /v1/instances} and the page's Fleet view list
 * them, and the session list narrowed to a pod or a namespace.
 */
@QuarkusTest
@TestProfile(FleetViewTest.Pod.class)
class FleetViewTest {

  static final String POD = "agent-5d8f7-q9w2z";

  /** A fresh store, in a pod of namespace {@code agents} on node {@code node-9}. */
  public static class Pod implements QuarkusTestProfile {
    @Override
    public Map<String, String> getConfigOverrides() {
      Map<String, String> config = new HashMap<>(TestStore.fresh("fleet"));
      config.putAll(
          Map.of(
              "sidecar.pod-name", POD,
              "sidecar.pod-namespace", "agents",
              "sidecar.node-name", "node-9"));
      return config;
    }
  }

  @Test
  void theInstanceIsListedWithWhatItRecordedAndThePageShowsTheSameFigures() {
    String session = newSession(newProject());
    for (int i = 0; i < 3; i++) {
      recordCall(session, Map.of("tool", "Bash")).statusCode(201);
    }
    recordUsage(
            Map.of(
                "provider",
                "anthropic",
                "model",
                "claude-sonnet-4-5",
                "input_tokens",
                10000,
                "output_tokens",
                1000))
        .statusCode(201);
    recordUsage(
            Map.of(
                "provider", "acme", "model", "unpriced-1", "input_tokens", 5, "output_tokens", 1))
        .statusCode(201);

    JsonPath instances = given().get("/v1/instances").then().statusCode(200).extract().jsonPath();
    assertEquals(1, instances.getList("$").size());
    assertEquals(POD, instances.getString("[0].instance"));
    assertEquals("agents", instances.getString("[0].namespace"));
    assertEquals("node-9", instances.getString("[0].node"));
    assertEquals(true, instances.getBoolean("[0].alive"));
    assertEquals(1, instances.getInt("[0].active_sessions"));
    assertEquals(3, instances.getInt("[0].tool_calls"));
    assertEquals(2, instances.getInt("[0].llm_requests"));
    assertEquals(1, instances.getInt("[0].unknown_cost_requests"));
    double cost =
        tool(Map.of("action", "usage_summary", "since_days", 7))
            .extract()
            .jsonPath()
            .getDouble("data.usage.cost_usd");
    assertTrue(cost > 0, "the priced request cost something");
    assertEquals(cost, instances.getDouble("[0].cost_usd"), 1e-9);

    String page = given().get("/ui/fleet").then().statusCode(200).extract().asString();
    String row = page.substring(page.indexOf("data-instance=\"" + POD + "\""));
    row = row.substring(0, row.indexOf("</tr>"));
    List<String> numbers = new ArrayList<>();
    Matcher cell = Pattern.compile("<td class=\"num\">([^<]*)").matcher(row);
    while (cell.find()) {
      numbers.add(cell.group(1).trim());
    }
    assertEquals(List.of("1", "3", "2"), numbers.subList(0, 3), row);
    assertTrue(row.contains(">alive<"), row);
    assertTrue(row.contains("+ 1 unpriced"), row);

    // On a shared database the overview breaks its figures down per pod; H2 has one sidecar.
    String overview = given().get("/").then().statusCode(200).extract().asString();
    assertEquals(TestStore.isPostgresql(), overview.contains("id=\"pods\""));
    assertEquals(TestStore.isPostgresql(), overview.contains("data-instance=\"" + POD + "\""));
  }

  @Test
  void sessionsNarrowToAPodOrANamespace() {
    String session = newSession(newProject());
    given()
        .get("/v1/sessions?pod=" + POD + "&limit=500")
        .then()
        .statusCode(200)
        .body("items.session_id", org.hamcrest.Matchers.hasItem(session));
    given().get("/v1/sessions?pod=another-pod").then().body("total", equalTo(0));
    given().get("/v1/sessions?namespace=elsewhere").then().body("items", hasSize(0));
    given()
        .get("/ui/sessions?pod=" + POD)
        .then()
        .statusCode(200)
        .body(containsString("in pod <code>" + POD + "</code>"))
        .body(containsString(session));
    given().get("/ui/sessions?namespace=elsewhere").then().body(containsString("0 sessions"));
  }

  @Test
  void aBadWindowIsNamed() {
    assertProblem(given().get("/v1/instances?since_days=0").then(), 400, "invalid_argument")
        .body("errors[0].field", equalTo("since_days"));
    assertProblem(given().get("/v1/instances?node=x").then(), 400, "invalid_argument")
        .body("errors[0].field", equalTo("node"));
    assertProblem(given().get("/v1/usage/summary?pod=").then(), 400, "invalid_argument")
        .body("errors[0].field", equalTo("pod"));
    assertProblem(
            given().get("/ui/usage?namespace=" + "n".repeat(64)).then(), 400, "invalid_argument")
        .body("errors[0].field", equalTo("namespace"));
    // A recap is one agent's: a pod no sidecar runs in has none.
    assertProblem(given().get("/ui/recap?pod=nobody-here").then(), 400, "invalid_argument")
        .body("errors[0].field", equalTo("pod"))
        .body("errors[0].message", containsString("Fleet view"));
  }
}
