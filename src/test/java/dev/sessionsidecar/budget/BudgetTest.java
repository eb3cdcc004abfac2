package dev.sessionsidecar.budget;

import static dev.sessionsidecar.platform.ProblemAssertions.assertProblem;
import static dev.sessionsidecar.testing.Api.newProject;
import static dev.sessionsidecar.testing.Api.newSession;
import static dev.sessionsidecar.testing.Api.recordUsage;
import static dev.sessionsidecar.testing.Api.tool;
import static dev.sessionsidecar.testing.Api.usageOf;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sessionsidecar.testing.Api;
import dev.sessionsidecar.testing.Insights;
import dev.sessionsidecar.testing.TestClock;
import dev.sessionsidecar.testing.TestStore;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.ValidatableResponse;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.net.URL;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Budgets through {@code /v1/budgets}: defaults, bad input named, thresholds that fire once each
 * per period (and again after the period rolls over), unknown cost kept apart, concurrent writers
 * that cross the same line sending one alert, and the tool telling the agent.
 */
@QuarkusTest
@TestProfile(BudgetTest.FreshStore.class)
class BudgetTest {

  /** A fresh store of its own: budgets and the clock moved here touch no other test. */
  public static class FreshStore implements QuarkusTestProfile {
    @Override
    public Map<String, String> getConfigOverrides() {
      return TestStore.fresh("budgets");
    }
  }

  @Inject TestClock clock;

  @TestHTTPResource(value = "/metrics", management = true)
  URL metrics;

  static ValidatableResponse create(Map<String, Object> body) {
    return given().contentType(ContentType.JSON).body(body).post("/v1/budgets").then();
  }

  static int createId(Map<String, Object> body) {
    return create(body).statusCode(201).extract().path("id");
  }

  /** A usage record of the session that cost exactly {@code usd}. */
  static void spend(String session, String usd) {
    Map<String, Object> body = usageOf(session);
    body.put("cost_usd", new BigDecimal(usd));
    recordUsage(body).statusCode(201);
  }

  /** The budget insights of the project, as the insights list shows them. */
  static List<Map<String, Object>> budgetInsights(String project) {
    return Insights.list("?project=" + project + "&source=proactive&kind=budget&limit=100")
        .statusCode(200)
        .extract()
        .jsonPath()
        .getList("$");
  }

  @Test
  void aBudgetIsCreatedWithItsDefaultsReadChangedAndDeleted() {
    String project = newProject();
    newSession(project);
    JsonPath created =
        create(Map.of("scope", "session", "limit_usd", 5))
            .statusCode(201)
            .header("Location", containsString("/v1/budgets/"))
            .body("scope", equalTo("session"))
            .body("period", equalTo("session"))
            .body("project", equalTo(project))
            .body("thresholds", equalTo(List.of(0.5f, 0.8f, 1.0f)))
            .body("action", equalTo("warn"))
            .body("origin", equalTo("api"))
            .body("use.text", equalTo("$0.00 of $5.00 (0%)"))
            .extract()
            .jsonPath();
    int id = created.getInt("id");
    given().get("/v1/budgets").then().statusCode(200).body("id", hasItem(id));
    given()
        .contentType(ContentType.JSON)
        .body(Map.of("limit_usd", 8, "action", "block", "thresholds", List.of(0.9, 1)))
        .patch("/v1/budgets/" + id)
        .then()
        .statusCode(200)
        .body("limit_usd", equalTo(8))
        .body("action", equalTo("block"))
        .body("thresholds", equalTo(List.of(0.9f, 1.0f)));
    given().delete("/v1/budgets/" + id).then().statusCode(204);
    assertProblem(given().get("/v1/budgets/" + id).then(), 404, "not_found");
  }

  @Test
  void badBudgetsAreNamedWithWhatIsAllowed() {
    newSession(newProject());
    Map<String, Object[]> cases = new HashMap<>();
    cases.put("scope", new Object[] {Map.of("scope", "team", "limit_usd", 1), "project, instance"});
    cases.put(
        "period",
        new Object[] {Map.of("scope", "project", "period", "year", "limit_usd", 1), "week, month"});
    cases.put(
        "action",
        new Object[] {Map.of("scope", "fleet", "action", "stop", "limit_usd", 1), "warn, block"});
    for (var c : cases.entrySet()) {
      assertProblem(create((Map<String, Object>) c.getValue()[0]), 400, "invalid_argument")
          .body("errors[0].field", equalTo(c.getKey()))
          .body("errors[0].message", containsString((String) c.getValue()[1]));
    }
    assertProblem(create(Map.of("scope", "session", "limit_usd", 0)), 400, "invalid_argument")
        .body("errors[0].field", equalTo("limit_usd"));
    assertProblem(create(Map.of("scope", "session", "limit_usd", -2)), 400, "invalid_argument")
        .body("errors[0].field", equalTo("limit_usd"));
    assertProblem(create(Map.of("scope", "session", "limit_tokens", 0)), 400, "invalid_argument")
        .body("errors[0].field", equalTo("limit_tokens"));
    assertProblem(create(Map.of("scope", "session")), 400, "invalid_argument")
        .body("errors[0].field", equalTo("limit_usd"))
        .body("errors[0].message", containsString("limit_tokens"));
    for (List<?> thresholds :
        List.of(List.of(0.8, 0.5), List.of(0, 1), List.of(1.5), List.of(), List.of(0.333))) {
      assertProblem(
              create(Map.of("scope", "session", "limit_usd", 1, "thresholds", thresholds)),
              400,
              "invalid_argument")
          .body("errors[0].field", equalTo("thresholds"));
    }
    assertProblem(
            create(Map.of("scope", "instance", "limit_usd", 1, "project", "/x")),
            400,
            "invalid_argument")
        .body("errors[0].field", equalTo("project"));
    assertProblem(
            create(Map.of("scope", "project", "period", "session", "limit_usd", 1)),
            400,
            "invalid_argument")
        .body("errors[0].field", equalTo("period"));
    assertProblem(
            create(Map.of("scope", "session", "limit_usd", 1, "colour", "red")),
            400,
            "invalid_argument")
        .body("errors[0].field", equalTo("colour"));
    ValidatableResponse fleet = create(Map.of("scope", "fleet", "limit_usd", 100));
    if (TestStore.isPostgresql()) {
      fleet.statusCode(201);
    } else {
      assertProblem(fleet, 400, "invalid_argument").body("errors[0].field", equalTo("scope"));
    }
    assertProblem(given().get("/v1/budgets/abc").then(), 400, "invalid_argument")
        .body("errors[0].field", equalTo("id"));
    assertProblem(given().get("/v1/budgets/987654").then(), 404, "not_found");
  }

  @Test
  void eachThresholdFiresOnceAndTheAgentIsTold() {
    String project = newProject();
    String session = newSession(project);
    int id = createId(Map.of("scope", "session", "limit_usd", 1));
    spend(session, "0.6");
    assertEquals(1, budgetInsights(project).size(), "50% fired");
    spend(session, "0.1");
    assertEquals(1, budgetInsights(project).size(), "nothing new between 50% and 80%");
    spend(session, "0.15");
    spend(session, "0.3");
    spend(session, "0.3");
    List<Map<String, Object>> fired = budgetInsights(project);
    assertEquals(3, fired.size(), "50%, 80% and 100%, once each: " + fired);
    fired.forEach(i -> assertEquals(1, i.get("occurrences"), i.toString()));
    assertTrue(
        fired.stream().anyMatch(i -> ((String) i.get("title")).contains("passed 100%")),
        fired.toString());

    given()
        .get("/v1/budgets/" + id)
        .then()
        .body("use.used_usd", equalTo(1.45f))
        .body("use.text", equalTo("$1.45 of $1.00 (145%)"));
    tool(Map.of("action", "current_session"))
        .statusCode(200)
        .body(
            "text",
            containsString(
                "budget " + id + " session/session " + project + ": $1.45 of $1.00 (145%)"))
        .body("data.budgets.id", hasItem(id));
    tool(Map.of("action", "tasks_list"))
        .statusCode(200)
        .body("text", containsString("⚠ budget " + id))
        .body("text", containsString("past its 100% threshold"));
    given()
        .get(metrics.toString())
        .then()
        .body(containsString("sidecar_budget_used_ratio{action=\"warn\",budget=\"" + id + "\""));
  }

  @Test
  void aNewPeriodFiresItsThresholdsAgain() {
    String project = newProject();
    String session = newSession(project);
    createId(Map.of("scope", "project", "period", "day", "limit_usd", 1));
    spend(session, "1.2");
    List<Map<String, Object>> today = budgetInsights(project);
    assertEquals(1, today.size(), "one alert for the highest threshold crossed at once: " + today);
    assertTrue(((String) today.get(0).get("title")).contains("passed 100%"));
    spend(session, "0.5");
    assertEquals(1, budgetInsights(project).size(), "nothing more the same day");

    clock.advance(Duration.ofDays(1));
    spend(session, "0.6");
    List<Map<String, Object>> tomorrow = budgetInsights(project);
    assertEquals(2, tomorrow.size(), "the next day's 50%: " + tomorrow);
    assertTrue(
        tomorrow.stream().anyMatch(i -> ((String) i.get("title")).contains("passed 50%")),
        tomorrow.toString());
  }

  @Test
  void unknownCostIsCountedApartInDollarsAndInFullInTokens() {
    String project = newProject();
    String session = newSession(project);
    int usd = createId(Map.of("scope", "session", "limit_usd", 2));
    int tokens = createId(Map.of("scope", "session", "limit_tokens", 1000));
    Map<String, Object> unpriced = usageOf(session);
    unpriced.put("provider", "acme");
    unpriced.put("model", "unpriced-model-1");
    unpriced.put("input_tokens", 500);
    unpriced.put("output_tokens", 100);
    recordUsage(unpriced).statusCode(201);
    given()
        .get("/v1/budgets/" + usd)
        .then()
        .body("use.unknown_cost_requests", equalTo(1))
        .body("use.text", equalTo("$0.00 of $2.00 plus 1 request of unknown cost (0%)"));
    given()
        .get("/v1/budgets/" + tokens)
        .then()
        .body("use.used_tokens", equalTo(600))
        .body("use.text", equalTo("600 of 1000 tokens (60%)"));
    assertEquals(1, budgetInsights(project).size(), "the token budget passed 50%");
  }

  @Test
  void writersCrossingTheSameLineAtOnceSendOneAlertPerThreshold() throws Exception {
    String project = newProject();
    String session = newSession(project);
    createId(Map.of("scope", "project", "period", "month", "limit_usd", 1));
    List<Integer> statuses =
        Api.concurrently(
            12,
            () -> {
              Map<String, Object> body = usageOf(session);
              body.put("cost_usd", new BigDecimal("0.25"));
              return recordUsage(body).extract().statusCode();
            });
    statuses.forEach(s -> assertEquals(201, s));
    List<Map<String, Object>> fired = budgetInsights(project);
    assertTrue(!fired.isEmpty() && fired.size() <= 3, fired.toString());
    fired.forEach(i -> assertEquals(1, i.get("occurrences"), "sent twice: " + i));
    assertEquals(
        fired.size(),
        fired.stream().map(i -> i.get("title")).distinct().count(),
        "one alert per threshold: " + fired);
  }

  @Test
  void instanceAndFleetBudgetsCountEveryProject() {
    String first = newProject();
    String second = newProject();
    int instance =
        createId(Map.of("scope", "instance", "period", "week", "limit_tokens", 1_000_000_000L));
    ValidatableResponse fleetBudget =
        create(Map.of("scope", "fleet", "period", "month", "limit_tokens", 1_000_000_000L));
    JsonPath before = given().get("/v1/budgets/" + instance).then().extract().jsonPath();
    spend(newSession(first), "0.01");
    spend(newSession(second), "0.01");
    JsonPath after = given().get("/v1/budgets/" + instance).then().extract().jsonPath();
    assertEquals(
        before.getLong("use.used_tokens") + 2 * 1100,
        after.getLong("use.used_tokens"),
        "both projects' calls count for the sidecar");
    assertTrue(after.getString("use.subject").startsWith("instance:"), after.prettify());
    if (TestStore.isPostgresql()) {
      int fleet = fleetBudget.statusCode(201).extract().path("id");
      given().get("/v1/budgets/" + fleet).then().body("use.subject", equalTo("fleet"));
    }
  }
}
