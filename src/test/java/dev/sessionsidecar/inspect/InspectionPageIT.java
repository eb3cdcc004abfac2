package dev.sessionsidecar.inspect;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sessionsidecar.testing.Browser;
import dev.sessionsidecar.testing.Tasks;
import io.quarkus.test.junit.QuarkusIntegrationTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.RestAssured;
import io.restassured.path.json.JsonPath;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A person behind port-forward, in headless Chromium against the packaged sidecar: after a
 * realistic day, every view shows what the API says, the buttons cancel and dismiss, the task table
 * updates by itself, and no view logs a console error. Screenshots land in target/screenshots.
 */
@QuarkusIntegrationTest
@TestProfile(InspectionPageTest.Fresh.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class InspectionPageIT {

  private static ChromeDriver browser;
  private static RealisticDay day;

  /**
   * Seeds and opens the browser once, before the first test (RestAssured knows the port per test).
   */
  @BeforeEach
  void seedAndOpenTheBrowser() throws Exception {
    if (day == null) {
      day = RealisticDay.seed();
      browser = Browser.start();
    }
  }

  @AfterAll
  static void closeTheBrowser() {
    if (browser != null) {
      browser.quit();
    }
  }

  @Test
  @Order(1)
  void theOverviewShowsTheApisTotals() throws Exception {
    open("/");
    JsonPath summary = api("/v1/usage/summary?since_days=7");
    List<Map<String, Object>> sessions = api("/v1/sessions").getList("items");
    long toolCalls =
        sessions.stream().mapToLong(s -> ((Number) s.get("tool_calls")).longValue()).sum();
    long errors = sessions.stream().mapToLong(s -> ((Number) s.get("errors")).longValue()).sum();

    assertTrue(text("current-session").startsWith(day.currentSession()), text("current-session"));
    assertEquals(String.valueOf(sessions.size()), text("total-sessions"));
    assertEquals(String.valueOf(toolCalls), text("total-tool-calls"));
    assertEquals(String.valueOf(errors), text("total-errors"));
    assertEquals(String.valueOf(summary.getLong("usage.requests")), text("total-requests"));
    assertEquals(dollars(summary.getString("usage.cost_usd")), text("total-cost"));
    assertTrue(text("unknown-cost").contains("1 request of an unpriced model"));
    assertTrue(text("health").startsWith("UP"), text("health"));
    leave("overview");
  }

  @Test
  @Order(2)
  void sessionsListAndOneSessionsCallsInOrder() throws Exception {
    open("/ui/sessions");
    List<WebElement> rows = browser.findElements(By.cssSelector("#sessions tbody tr"));
    assertEquals(api("/v1/sessions").getInt("total"), rows.size());
    assertEquals(day.currentSession(), rows.get(0).getDomAttribute("data-session"), "newest first");
    leave("sessions");

    browser.findElement(By.linkText(day.endedSession())).click();
    List<WebElement> calls = browser.findElements(By.cssSelector("#tool-calls tbody tr"));
    JsonPath history = api("/v1/sessions/" + day.endedSession() + "/tool-calls");
    assertEquals(history.getInt("total"), calls.size());
    assertEquals(
        List.of("Read", "Bash", "Edit", "Bash"),
        calls.stream().map(r -> r.findElement(By.tagName("th")).getText()).toList(),
        "in the order they were made");
    assertTrue(calls.get(1).getText().contains("3 tests failed: cart total"));
    assertTrue(calls.get(1).getText().contains("npm test"), "argument preview");
    leave("session-detail");
  }

  @Test
  @Order(3)
  void usageChartsAndTheGroupedTable() throws Exception {
    open("/ui/usage?days=7&group_by=model");
    new WebDriverWait(browser, Duration.ofSeconds(10))
        .until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#cost-chart canvas")));
    String legend = browser.findElement(By.cssSelector("#cost-chart .u-legend")).getText();
    for (String model : List.of("acme-large-unpriced", "claude-sonnet-4-5", "gpt-4o")) {
      assertTrue(legend.contains(model), "legend names " + model + ": " + legend);
    }
    assertEquals(1, browser.findElements(By.cssSelector("#tokens-chart canvas")).size());

    List<Map<String, Object>> groups =
        api("/v1/usage/stats?group_by=model&since_days=7").getList("groups");
    List<WebElement> rows = browser.findElements(By.cssSelector("#usage-groups tbody tr"));
    assertEquals(groups.size(), rows.size());
    for (int i = 0; i < groups.size(); i++) {
      Map<?, ?> figures = (Map<?, ?>) groups.get(i).get("figures");
      assertEquals(groups.get(i).get("group"), rows.get(i).getDomAttribute("data-group"));
      assertEquals(
          dollars(figures.get("cost_usd").toString()),
          rows.get(i).findElements(By.tagName("td")).get(4).getText());
    }
    WebElement unpriced =
        browser.findElement(By.cssSelector("tr[data-group='acme-large-unpriced']"));
    assertTrue(unpriced.getText().contains("1 unknown"), unpriced.getText());
    leave("usage");
  }

  @Test
  @Order(4)
  void anInsightIsDismissedWithItsButton() throws Exception {
    open("/ui/insights");
    assertEquals(
        api("/v1/insights").getList("$").size(),
        browser.findElements(By.cssSelector("#insights > li")).size());
    leave("insights");

    insight(day.insightToDismiss()).findElement(By.tagName("button")).click();
    new WebDriverWait(browser, Duration.ofSeconds(10))
        .until(
            ExpectedConditions.numberOfElementsToBe(
                By.cssSelector("li[data-insight='" + day.insightToDismiss() + "']"), 0));
    assertEquals(true, api("/v1/insights/" + day.insightToDismiss()).getBoolean("dismissed"));
    Browser.assertNoConsoleErrors(browser, "insights after dismissing");

    open("/ui/insights?dismissed=true");
    assertTrue(insight(day.insightToDismiss()).getText().contains("Restore"));
    leave("insights-dismissed");
  }

  @Test
  @Order(5)
  void aRunningTaskIsCancelledAndProgressUpdatesLive() throws Exception {
    open("/ui/tasks");
    assertEquals("working", status(day.taskToCancel()));
    assertTrue(task(day.taskToCancel()).getText().contains("running tests: 120 of 480"));
    assertTrue(task(day.taskInProgress()).getText().contains("50%"));
    leave("tasks");

    task(day.taskToCancel()).findElement(By.tagName("button")).click();
    WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(10));
    wait.until(d -> "cancelled".equals(status(day.taskToCancel())));
    assertEquals("cancelled", api("/v1/tasks/" + day.taskToCancel()).getString("status"));

    String url = browser.getCurrentUrl();
    Tasks.patch(day.taskInProgress(), Map.of("progress", 0.9, "statusMessage", "nearly"))
        .statusCode(200);
    wait.until(d -> task(day.taskInProgress()).getText().contains("90%"));
    assertEquals(url, browser.getCurrentUrl(), "updated in place, without navigating");
    leave("tasks-after-cancel");
  }

  @Test
  @Order(6)
  void theRecapIsTheAgentsRecap() throws Exception {
    open("/ui/recap");
    String agents =
        given()
            .accept("text/plain")
            .get("/v1/recap?since_days=30")
            .then()
            .statusCode(200)
            .extract()
            .asString();
    assertEquals(agents.strip(), text("recap").strip());
    leave("recap");
  }

  private static void open(String path) {
    // localhost, as behind kubectl port-forward
    browser.get("http://localhost:" + RestAssured.port + path);
  }

  /** Checks the console and saves a screenshot of the view. */
  private static void leave(String view) throws Exception {
    Browser.assertNoConsoleErrors(browser, view);
    Browser.screenshot(browser, view);
  }

  private static String text(String id) {
    return browser.findElement(By.id(id)).getText().strip();
  }

  private static WebElement insight(long id) {
    return browser.findElement(By.cssSelector("li[data-insight='" + id + "']"));
  }

  private static WebElement task(String id) {
    return browser.findElement(By.cssSelector("tr[data-task='" + id + "']"));
  }

  private static JsonPath api(String path) {
    return given().get(path).then().statusCode(200).extract().jsonPath();
  }

  private static String dollars(String amount) {
    return "$" + new BigDecimal(amount).setScale(4, RoundingMode.HALF_UP).toPlainString();
  }

  /** The row's status; the table's 2-second poll may swap the row between finding and reading. */
  private String status(String taskId) {
    for (int attempt = 1; ; attempt++) {
      try {
        return task(taskId).getDomAttribute("data-status");
      } catch (org.openqa.selenium.StaleElementReferenceException replaced) {
        if (attempt == 3) {
          throw replaced;
        }
      }
    }
  }
}
