package dev.sessionsidecar.recap;

import static dev.sessionsidecar.platform.ProblemAssertions.assertProblem;
import static dev.sessionsidecar.testing.Api.endSession;
import static dev.sessionsidecar.testing.Api.recordCall;
import static dev.sessionsidecar.testing.Api.recordUsage;
import static dev.sessionsidecar.testing.Api.startSession;
import static dev.sessionsidecar.testing.Api.tool;
import static dev.sessionsidecar.testing.Goals.patchGoal;
import static dev.sessionsidecar.testing.Goals.postGoal;
import static dev.sessionsidecar.testing.Goals.putPreference;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sessionsidecar.testing.Insights;
import dev.sessionsidecar.testing.Tasks;
import dev.sessionsidecar.testing.TestStore;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * The recap on its own data directory, built up in order: empty, then with global data only (no
 * active project), then after a realistic day in two projects.
 */
@QuarkusTest
@TestProfile(RecapTest.Fresh.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class RecapTest {

  /** A new, empty data directory. */
  public static class Fresh implements QuarkusTestProfile {
    @Override
    public Map<String, String> getConfigOverrides() {
      return TestStore.fresh("recap");
    }
  }

  private static final String PROJECT = "/srv/projects/shop";
  private static final String OTHER = "/srv/projects/blog";

  @Test
  @Order(1)
  void anEmptySidecarSaysSoInOneLine() {
    String text = tool(Map.of("action", "recap")).statusCode(200).extract().path("text");
    assertEquals(1, text.lines().count(), text);
    assertTrue(text.startsWith("Nothing is recorded yet.") && text.contains("POST /v1/sessions"));
    given()
        .accept(ContentType.TEXT)
        .get("/v1/recap")
        .then()
        .statusCode(200)
        .contentType(startsWith("text/plain"))
        .body(startsWith("Nothing is recorded yet."));
    given().get("/v1/recap").then().statusCode(200).body("empty", equalTo(true));
  }

  @Test
  @Order(2)
  void withoutAProjectItCoversEverythingAndSaysSo() {
    postGoal(Map.of("title", "Keep the bill low", "project", "global", "priority", "high"))
        .statusCode(201);
    putPreference("language", Map.of("value", "en", "project", "global")).statusCode(201);
    String text = tool(Map.of("action", "recap")).statusCode(200).extract().path("text");
    assertEquals(
        String.join(
            "\n",
            "# Recap of all projects (no active project), last 30 days",
            "",
            "## Active goals, by priority",
            text.lines().toList().get(3),
            "",
            "## Preferences",
            "language = en (global)"),
        text);
    assertTrue(
        text.lines().toList().get(3).startsWith("[high] planning 0% Keep the bill low (global)"));
    given()
        .get("/v1/recap")
        .then()
        .body("all_projects", equalTo(true))
        .body("project", nullValue());
  }

  @Test
  @Order(3)
  void afterARealisticDayItShowsExactlyTheRightItemsInOrder() {
    // Another project, earlier in the day: nothing of it may show.
    String blog = start(OTHER, "blog-1");
    usage(blog, "0.40");
    postGoal(Map.of("title", "Blog goal", "project", OTHER, "priority", "critical"))
        .statusCode(201);
    putPreference("style", Map.of("value", "chatty", "project", OTHER)).statusCode(201);
    insight(OTHER, "Blog insight", 0.99);

    String first = start(PROJECT, "shop-1");
    recordCall(first, Map.of("tool", "Bash", "ok", true)).statusCode(201);
    recordCall(first, Map.of("tool", "Bash", "error", "exit 1")).statusCode(201);
    usage(first, "0.50");
    endSession(first, Map.of("summary", "Set up the cart")).statusCode(200);
    String failedEarly = agentTask("Early job");
    patchTask(failedEarly, "failed");

    String second = start(PROJECT, "shop-2");
    recordCall(second, Map.of("tool", "Read")).statusCode(201);
    endSession(second, Map.of()).statusCode(200);

    String open = agentTask("Long build");
    String waiting = agentTask("Needs an answer");
    patchTask(waiting, "input_required");
    String failedLate = agentTask("Nightly job");
    patchTask(failedLate, "failed");
    String done = agentTask("Quick job");
    patchTask(done, "completed");

    String low = goal("Tidy the css", "low", "planning");
    goal("Refactor checkout", "medium", "completed");
    goal("Old idea", "low", "abandoned");
    String blocked = goal("Pay provider", "low", "blocked");
    String critical = goal("Fix payments", "critical", "planning");
    String highOld = goal("Add search", "high", "in_progress");
    patchGoal(highOld, Map.of("progress_percent", 40)).statusCode(200);
    String highNew = goal("Add filters", "high", "planning");
    String medium = goal("Write docs", "medium", "in_progress");

    putPreference("style", Map.of("value", "terse", "project", "global")).statusCode(201);
    putPreference("style", Map.of("value", "verbose", "project", PROJECT)).statusCode(201);

    int strong = insight(PROJECT, "Strong finding", 0.9);
    int middling = insight(PROJECT, "Middling finding", 0.6);
    insight(PROJECT, "Weak finding", 0.4);
    int dismissed = insight(PROJECT, "Dismissed finding", 0.95);
    given().post("/v1/insights/{id}/dismiss", dismissed).then().statusCode(200);

    String current = start(PROJECT, "shop-3");
    recordCall(current, Map.of("tool", "Edit")).statusCode(201);
    usage(current, "0.25");

    // The global goal of the previous step ranks with the project's by priority, then recency;
    // the blocked and the low goals come sixth and seventh: left out.
    String globalGoal = given().get("/v1/goals?project=global").then().extract().path("[0].id");
    var recap = given().get("/v1/recap").then().statusCode(200);
    recap
        .body("project.path", equalTo(PROJECT))
        .body("all_projects", equalTo(false))
        .body("empty", equalTo(false))
        .body("current_session.session.session_id", equalTo(current))
        .body("current_session.session.tool_calls", equalTo(1))
        .body("current_session.usage.cost_usd", equalTo(0.25f))
        .body("recent_sessions.session.session_id", equalTo(List.of(second, first)))
        .body("recent_sessions[1].session.summary", equalTo("Set up the cart"))
        .body("recent_sessions[1].session.errors", equalTo(1))
        .body("recent_sessions[1].usage.cost_usd", equalTo(0.5f))
        .body("goals.id", equalTo(List.of(critical, highNew, highOld, globalGoal, medium)))
        .body("goals[2].progress_percent", equalTo(40))
        .body("open_tasks.taskId", equalTo(List.of(waiting, open)))
        .body("failed_tasks.taskId", equalTo(List.of(failedLate)))
        .body("insights.id", equalTo(List.of(strong, middling)))
        .body("preferences.key", equalTo(List.of("language", "style")))
        .body("preferences[1].value", equalTo("verbose"))
        .body("preferences[1].overrides_global", equalTo(true))
        .body("usage.requests", equalTo(2))
        .body("usage.cost_usd", equalTo(0.75f));
    assertTrue(!text(blocked).isEmpty() && !text(low).isEmpty());

    String text =
        given()
            .accept(ContentType.TEXT)
            .get("/v1/recap")
            .then()
            .statusCode(200)
            .extract()
            .asString();
    List<String> headings = text.lines().filter(l -> l.startsWith("#")).toList();
    assertEquals(
        List.of(
            "# Recap of project /srv/projects/shop (shop), last 30 days",
            "## Current session",
            "## Recent sessions, newest activity first",
            "## Active goals, by priority",
            "## Open tasks",
            headings.get(5),
            "## Insights, best score first",
            "## Preferences",
            "## LLM usage, last 30 days"),
        headings);
    assertTrue(headings.get(5).startsWith("## Tasks failed since "), headings.get(5));
    assertTrue(text.contains("style = verbose (project, overrides global)"), text);
    assertTrue(text.contains("[critical] planning 0% Fix payments (" + PROJECT + ")"), text);
    assertTrue(!text.contains("blog") || !text.contains("Blog"), text);
    assertEquals(text.strip(), tool(Map.of("action", "recap")).extract().path("text"));
  }

  @Test
  @Order(4)
  void badWindowsAre400s() {
    assertProblem(given().get("/v1/recap?since_days=-1").then(), 400, "invalid_argument");
    assertProblem(given().get("/v1/recap?days=1").then(), 400, "invalid_argument");
    assertProblem(tool(Map.of("action", "recap", "since_days", "7")), 400, "invalid_argument");
    tool(Map.of("action", "recap", "since_days", 0))
        .statusCode(200)
        .body("text", startsWith("# Recap of project /srv/projects/shop (shop), all time"))
        .body("data.usage.requests", equalTo(2));
  }

  @Test
  @Order(5)
  void everySectionIsReadAtOneMomentWhileTheAgentWrites() throws Exception {
    String session = start("/srv/projects/busy", "busy-1");
    AtomicBoolean writing = new AtomicBoolean(true);
    Thread writer =
        new Thread(
            () -> {
              while (writing.get()) {
                recordUsage(dev.sessionsidecar.testing.Api.usageOf(session)).statusCode(201);
              }
            });
    writer.start();
    try {
      for (int read = 0; read < 40; read++) {
        JsonPath recap = given().get("/v1/recap").then().statusCode(200).extract().jsonPath();
        // The session's line reads its records, the usage section the day's rollups (left out
        // while there are none): one moment means they count the same requests.
        Integer window = recap.get("usage.requests");
        assertEquals(
            recap.getInt("current_session.usage.requests"),
            window == null ? 0 : window,
            "recap " + read);
      }
    } finally {
      writing.set(false);
      writer.join();
    }
  }

  /** A goal's title, read back: proves the goal exists though the recap leaves it out. */
  private static String text(String goalId) {
    return given().get("/v1/goals/{id}", goalId).then().statusCode(200).extract().path("title");
  }

  private static String start(String project, String id) {
    startSession(Map.of("session_id", id, "project_path", project)).statusCode(201);
    return id;
  }

  private static void usage(String session, String cost) {
    Map<String, Object> body = dev.sessionsidecar.testing.Api.usageOf(session);
    body.put("cost_usd", new java.math.BigDecimal(cost));
    recordUsage(body).statusCode(201);
  }

  private static String agentTask(String title) {
    return Tasks.createId(Map.of("kind", "external", "title", title));
  }

  private static void patchTask(String id, String status) {
    given()
        .contentType(ContentType.JSON)
        .body(Map.of("status", status))
        .patch("/v1/tasks/{id}", id)
        .then()
        .statusCode(200);
  }

  private static String goal(String title, String priority, String status) {
    return postGoal(
            Map.of("title", title, "priority", priority, "status", status, "project", PROJECT))
        .statusCode(201)
        .extract()
        .path("id");
  }

  private static int insight(String project, String title, double confidence) {
    return Insights.reportId(Insights.finding(project, "pondering", "note", title, confidence));
  }
}
