package dev.sessionsidecar.inspect;

import static dev.sessionsidecar.platform.ProblemAssertions.assertProblem;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;

import dev.sessionsidecar.testing.Tasks;
import dev.sessionsidecar.testing.TestStore;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.RestAssured;
import io.restassured.config.RedirectConfig;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** The inspection page over plain HTTP: what it shows, what it refuses, and its guard. */
@QuarkusTest
@TestProfile(InspectionPageTest.Fresh.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class InspectionPageTest {

  /** A new, empty data directory. */
  public static class Fresh implements QuarkusTestProfile {
    @Override
    public Map<String, String> getConfigOverrides() {
      return TestStore.fresh("page");
    }
  }

  private RealisticDay day;

  /** Seeds once, before the first test (RestAssured knows the port only per test). */
  @BeforeEach
  void seed() {
    if (day == null) {
      day = RealisticDay.seed();
    }
  }

  private String origin() {
    return RestAssured.baseURI + ":" + RestAssured.port;
  }

  @Test
  void everyViewRendersWithItsGuardHeaders() {
    for (String path :
        new String[] {
          "/",
          "/ui/sessions",
          "/ui/sessions/" + day.currentSession(),
          "/ui/usage",
          "/ui/insights",
          "/ui/tasks",
          "/ui/tasks/rows",
          "/ui/recap"
        }) {
      given()
          .get(path)
          .then()
          .statusCode(200)
          .contentType(startsWith("text/html"))
          .header("Content-Security-Policy", containsString("frame-ancestors 'none'"))
          .header("X-Content-Type-Options", "nosniff")
          .body(not(containsString("Exception")));
    }
  }

  @Test
  void theOverviewShowsTheSameTotalsAsTheApi() {
    String cost =
        given()
            .get("/v1/usage/summary?since_days=7")
            .then()
            .extract()
            .path("usage.cost_usd")
            .toString();
    String shown = "$" + new BigDecimal(cost).setScale(4, RoundingMode.HALF_UP).toPlainString();
    given()
        .get("/")
        .then()
        .statusCode(200)
        .body(containsString(day.currentSession()))
        .body(containsString("not read: no folder set"))
        .body(containsString("id=\"total-sessions\">2<"))
        .body(containsString("id=\"total-tool-calls\">7<"))
        .body(containsString("id=\"total-errors\">2<"))
        .body(containsString("id=\"total-requests\">7<"))
        .body(containsString("1 request of an unpriced model"))
        .body(containsString("id=\"total-cost\">" + shown + "<"));
  }

  @Test
  void markupTheAgentWroteIsShownAsText() {
    given()
        .get("/ui/sessions/{id}", day.endedSession())
        .then()
        .statusCode(200)
        .body(containsString("&lt;script&gt;alert("))
        .body(not(containsString(RealisticDay.EDITED_MARKUP)))
        .body(not(containsString("<script>alert")));
  }

  @Test
  void assetsShipInTheApplication() {
    given().get("/webjars/uplot/1.6.30/dist/uPlot.iife.min.js").then().statusCode(200);
    given().get("/webjars/uplot/1.6.30/dist/uPlot.min.css").then().statusCode(200);
    given().get("/webjars/htmx.org/2.0.4/dist/htmx.min.js").then().statusCode(200);
    given().get("/assets/usage-chart.js").then().statusCode(200);
    given().get("/assets/sidecar.css").then().statusCode(200);
  }

  @Test
  void dailyUsageIsAlsoInTheApi() {
    given()
        .get("/v1/usage/daily?since_days=7")
        .then()
        .statusCode(200)
        .body("days", hasSize(7))
        .body("days[0].model", equalTo("claude-sonnet-4-5"))
        .body(
            "days.findAll { it.model == 'acme-large-unpriced' }[0].figures.unknown_cost_requests",
            equalTo(1));
    assertProblem(given().get("/v1/usage/daily?since_days=-1").then(), 400, "invalid_argument")
        .body("errors[0].field", equalTo("since_days"));
  }

  @Test
  void aForeignHostIsRefusedEvenForReading() {
    assertProblem(given().header("Host", "evil.example:8080").get("/").then(), 403, "forbidden")
        .body("detail", containsString("sidecar.allowed-hosts"));
    assertProblem(given().header("Host", "evil.example").get("/ui/tasks").then(), 403, "forbidden");
  }

  @Test
  void buttonsActOnlyForRequestsFromThePage() {
    String path = "/ui/insights/" + day.insightToKeep() + "/dismiss";
    assertProblem(form().post(path).then(), 403, "forbidden")
        .body("detail", containsString("Origin"));
    assertProblem(
        form().header("Origin", "http://evil.example").post(path).then(), 403, "forbidden");
    assertProblem(form().header("Origin", "null").post(path).then(), 403, "forbidden");
    assertProblem(
        form().header("Referer", "http://evil.example/ui/insights").post(path).then(),
        403,
        "forbidden");
    given().get("/v1/insights/{id}", day.insightToKeep()).then().body("dismissed", equalTo(false));

    form()
        .header("Origin", origin())
        .post(path)
        .then()
        .statusCode(303)
        .header("Location", containsString("/ui/insights"));
    given().get("/v1/insights/{id}", day.insightToKeep()).then().body("dismissed", equalTo(true));
    form()
        .header("Referer", origin() + "/ui/insights?dismissed=true")
        .post("/ui/insights/" + day.insightToKeep() + "/restore")
        .then()
        .statusCode(303);
    given().get("/v1/insights/{id}", day.insightToKeep()).then().body("dismissed", equalTo(false));
  }

  @Test
  void cancellingATaskThatEndedMeanwhileShowsHowItEnded() {
    String task = Tasks.createId(Map.of("kind", "external", "title", "ends before the click"));
    Tasks.patch(task, Map.of("status", "completed")).statusCode(200);
    form()
        .header("Origin", origin())
        .post("/ui/tasks/{id}/cancel", task)
        .then()
        .statusCode(303)
        .header("Location", containsString("/ui/tasks"));
    Tasks.get(task).body("status", equalTo("completed"));
  }

  @Test
  void badInputIsAProblemNamingTheParameter() {
    assertProblem(given().get("/?days=0").then(), 400, "invalid_argument")
        .body("errors[0].field", equalTo("days"));
    assertProblem(given().get("/ui/usage?group_by=colour").then(), 400, "invalid_argument")
        .body("errors[0].field", equalTo("group_by"))
        .body("errors[0].message", containsString("provider_model"));
    assertProblem(given().get("/ui/insights?min_confidence=2").then(), 400, "invalid_argument");
    assertProblem(given().get("/ui/sessions?colour=red").then(), 400, "invalid_argument");
    assertProblem(given().get("/ui/sessions/no-such-session").then(), 404, "not_found");
    assertProblem(
        form().header("Origin", origin()).post("/ui/tasks/no-such-task/cancel").then(),
        404,
        "not_found");
  }

  private static io.restassured.specification.RequestSpecification form() {
    return given()
        .config(
            RestAssured.config().redirect(RedirectConfig.redirectConfig().followRedirects(false)))
        .contentType("application/x-www-form-urlencoded");
  }
}
