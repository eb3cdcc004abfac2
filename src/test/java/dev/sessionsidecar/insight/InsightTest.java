package dev.sessionsidecar.insight;

import static dev.sessionsidecar.platform.ProblemAssertions.assertProblem;
import static dev.sessionsidecar.testing.Api.newProject;
import static dev.sessionsidecar.testing.Api.newSession;
import static dev.sessionsidecar.testing.Api.recordCall;
import static dev.sessionsidecar.testing.Api.recordUsage;
import static dev.sessionsidecar.testing.Api.tool;
import static dev.sessionsidecar.testing.Insights.dismiss;
import static dev.sessionsidecar.testing.Insights.finding;
import static dev.sessionsidecar.testing.Insights.list;
import static dev.sessionsidecar.testing.Insights.report;
import static dev.sessionsidecar.testing.Insights.restore;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sessionsidecar.testing.Tasks;
import io.quarkus.test.junit.QuarkusTest;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

@QuarkusTest
class InsightTest {

  @Test
  void theSameFindingReportedAgainUpdatesOneRow() {
    String project = newProject();
    Map<String, Object> body = finding(project, "Setup guide says nothing about ports", 0.6);
    body.put("dedupe_key", "docs:setup:ports");
    int id =
        report(body)
            .statusCode(201)
            .header("Location", startsWith("http"))
            .body("occurrences", equalTo(1))
            .body("project", equalTo(project))
            .body("source", equalTo("doc_gap"))
            .extract()
            .path("id");
    body.put("confidence", 0.8);
    body.put("evidence", List.of(Map.of("type", "url", "ref", "https://example.org/setup")));
    report(body)
        .statusCode(200)
        .body("id", equalTo(id))
        .body("occurrences", equalTo(2))
        .body("confidence", equalTo(0.8f))
        .body("evidence[0].type", equalTo("url"));
    given()
        .get("/v1/insights?project=" + project)
        .then()
        .statusCode(200)
        .body("$", hasSize(1))
        .body("[0].id", equalTo(id));
  }

  @Test
  void withoutADedupeKeyTheKindAndTitleIdentifyTheFinding() {
    String project = newProject();
    int id = report(finding(project, "No README", 0.5)).statusCode(201).extract().path("id");
    report(finding(project, "no readme ", 0.5))
        .statusCode(200)
        .body("id", equalTo(id))
        .body("dedupe_key", equalTo("missing_docs:no readme"));
  }

  @Test
  void aDismissedFindingStaysDismissedWhenReportedAgainUntilRestored() {
    String project = newProject();
    newSession(project);
    Map<String, Object> body = finding(project, "Deploy steps missing", 0.9);
    int id = report(body).statusCode(201).extract().path("id");
    dismiss(id).statusCode(200).body("dismissed", equalTo(true));
    report(body).statusCode(200).body("dismissed", equalTo(true)).body("occurrences", equalTo(2));
    tool(Map.of("action", "insights")).statusCode(200).body("data.insights", hasSize(0));
    list("?dismissed=true&project=" + project).body("id", equalTo(List.of(id)));

    restore(id).statusCode(200).body("dismissed", equalTo(false));
    tool(Map.of("action", "insights"))
        .statusCode(200)
        .body("data.insights.id", equalTo(List.of(id)));
  }

  @Test
  void theDigestRanksByScoreAndFilters() {
    String project = newProject();
    newSession(project);
    int weak = report(finding(project, "Maybe a gap", 0.35)).extract().path("id");
    int strong = report(finding(project, "Surely a gap", 0.95)).extract().path("id");
    Map<String, Object> proactive = finding(project, "Cache the build", 0.7);
    proactive.put("source", "proactive");
    proactive.put("kind", "tool_chain");
    int middle = report(proactive).extract().path("id");
    report(finding(project, "Too doubtful", 0.1)).statusCode(201);

    tool(Map.of("action", "insights"))
        .statusCode(200)
        .body("data.insights.id", equalTo(List.of(strong, middle, weak)))
        .body("data.insights[0].score", equalTo(0.95f))
        .body("data.score_formula", containsString("confidence"))
        .body("text", containsString("score=0.95"));
    tool(Map.of("action", "insights", "insight_source", "proactive"))
        .body("data.insights.id", equalTo(List.of(middle)));
    tool(Map.of("action", "insights", "min_confidence", 0.9))
        .body("data.insights.id", equalTo(List.of(strong)));
    tool(Map.of("action", "insights", "limit", 1))
        .body("data.insights.id", equalTo(List.of(strong)));
    list("?kind=tool_chain&project=" + project).body("id", equalTo(List.of(middle)));
    list("?min_confidence=0&project=" + project).body("$", hasSize(4));
  }

  @Test
  void readingChangesNothing() {
    String project = newProject();
    newSession(project);
    int id = report(finding(project, "Read me twice", 0.7)).extract().path("id");
    String before = given().get("/v1/insights/{id}", id).then().extract().asString();
    List<Object> listBefore = list("?project=" + project).extract().path("$");
    for (int i = 0; i < 3; i++) {
      tool(Map.of("action", "insights")).statusCode(200);
      list("?project=" + project).statusCode(200);
      given().get("/v1/insights/{id}", id).then().statusCode(200);
    }
    assertEquals(before, given().get("/v1/insights/{id}", id).then().extract().asString());
    assertEquals(listBefore, list("?project=" + project).extract().path("$"));
  }

  @Test
  void dismissingNeedsAnIdOfTheActiveProjectAndMayBeRepeated() {
    String other = newProject();
    int foreign = report(finding(other, "Elsewhere", 0.9)).extract().path("id");
    String project = newProject();
    newSession(project);
    int id = report(finding(project, "Here", 0.9)).extract().path("id");

    assertProblem(tool(Map.of("action", "dismiss_insight")), 400, "invalid_argument")
        .body("errors[0].field", equalTo("insight_id"));
    assertProblem(
        tool(Map.of("action", "dismiss_insight", "insight_id", Integer.MAX_VALUE)),
        404,
        "not_found");
    assertProblem(
        tool(Map.of("action", "dismiss_insight", "insight_id", foreign)), 404, "not_found");
    tool(Map.of("action", "dismiss_insight", "insight_id", id))
        .statusCode(200)
        .body("text", startsWith("dismissed for good"))
        .body("data.dismissed", equalTo(true));
    tool(Map.of("action", "dismiss_insight", "insight_id", id))
        .statusCode(200)
        .body("text", startsWith("already dismissed"));
    given().get("/v1/insights/{id}", foreign).then().body("dismissed", equalTo(false));
  }

  @Test
  void insightIdsArePositiveIntegersAndNothingElseIsAccepted() {
    String project = newProject();
    newSession(project);
    int first = report(finding(project, "Numbered one", 0.9)).extract().path("id");
    int second = report(finding(project, "Numbered two", 0.9)).extract().path("id");
    assertTrue(first >= 1 && second > first, first + " then " + second);
    given().get("/v1/insights/{id}", second).then().statusCode(200).body("id", equalTo(second));
    tool(Map.of("action", "insights"))
        .body("text", containsString("id=" + first + " "))
        .body("data.insights.id", hasItem(first));

    for (Object bad : List.of("42", "abc", 0, -1, 1.5, 9007199254740993L)) {
      assertProblem(
              tool(Map.of("action", "dismiss_insight", "insight_id", bad)), 400, "invalid_argument")
          .body("errors[0].field", equalTo("insight_id"))
          .body("detail", containsString("positive integer"));
    }
    for (String bad : List.of("abc", "0", "-1", "1.5", "9007199254740993", "00000000000000001")) {
      assertProblem(given().get("/v1/insights/{id}", bad).then(), 400, "invalid_argument")
          .body("errors[0].field", equalTo("id"));
    }
    assertProblem(given().get("/v1/insights/{id}", 9007199254740991L).then(), 404, "not_found");
    given().get("/v1/insights/{id}", first).then().body("dismissed", equalTo(false));
  }

  @Test
  void theLargestEvidenceAllowedIsStoredAndOneCharacterMoreIsNamed() {
    String project = newProject();
    Map<String, Object> item =
        Map.of(
            "type", "url",
            "ref", "r".repeat(1024),
            "session_id", "s".repeat(128),
            // Quotes and backslashes double when the evidence is stored as JSON.
            "excerpt", "\"\\".repeat(250));
    Map<String, Object> body = finding(project, "Lots of evidence", 0.5);
    body.put("evidence", java.util.Collections.nCopies(20, item));
    report(body).statusCode(201).body("evidence", hasSize(20));

    Map<String, Object> tooLong = new java.util.HashMap<>(item);
    tooLong.put("excerpt", "x".repeat(501));
    body.put("evidence", List.of(item, tooLong));
    assertProblem(report(body), 400, "invalid_argument")
        .body("errors[0].field", equalTo("evidence[1].excerpt"));
    body.put("evidence", java.util.Collections.nCopies(21, item));
    assertProblem(report(body), 400, "invalid_argument")
        .body("errors[0].field", equalTo("evidence"));
  }

  @Test
  void badInsightsAre400sNamingTheField() {
    String project = newProject();
    Map<String, Object> badSource = finding(project, "x", 0.5);
    badSource.put("source", "hunch");
    assertProblem(report(badSource), 400, "invalid_argument")
        .body("errors.field", hasItem("source"))
        .body("errors.message", hasItem(containsString("pondering, proactive, doc_gap")));
    for (Object confidence : List.of(1.5, -0.1, "high")) {
      Map<String, Object> body = finding(project, "x", 0.5);
      body.put("confidence", confidence);
      assertProblem(report(body), 400, "invalid_argument");
    }
    Map<String, Object> noTitle = finding(project, "x", 0.5);
    noTitle.remove("title");
    assertProblem(report(noTitle), 400, "invalid_argument").body("errors.field", hasItem("title"));
    Map<String, Object> badEvidence = finding(project, "x", 0.5);
    badEvidence.put("evidence", List.of(Map.of("type", "rumour")));
    assertProblem(report(badEvidence), 400, "invalid_argument");
    Map<String, Object> unknownField = finding(project, "x", 0.5);
    unknownField.put("severity", "high");
    assertProblem(report(unknownField), 400, "invalid_argument");
    list("?project=" + project + "&min_confidence=0").body("$", hasSize(0));

    assertProblem(list("?source=hunch"), 400, "invalid_argument");
    assertProblem(list("?min_confidence=NaN"), 400, "invalid_argument");
    assertProblem(list("?dismissed=maybe"), 400, "invalid_argument");
    newSession(project);
    assertProblem(
            tool(Map.of("action", "insights", "insight_source", "hunch")), 400, "invalid_argument")
        .body("errors[0].field", equalTo("insight_source"));
    assertProblem(tool(Map.of("action", "insights", "min_confidence", 2)), 400, "invalid_argument")
        .body("errors[0].field", equalTo("min_confidence"));
    assertProblem(tool(Map.of("action", "insights", "since_days", -1)), 400, "invalid_argument");
    assertProblem(given().get("/v1/insights/{id}", 999_999_999).then(), 404, "not_found");
  }

  @Test
  void ponderingFindsPatternsAndRespectsDismissalOnEveryRun() {
    String project = newProject();
    String session = newSession(project);
    for (int i = 0; i < 3; i++) {
      recordCall(
              session,
              Map.of(
                  "tool",
                  "Bash",
                  "arguments",
                  Map.of("command", "make test"),
                  "ok",
                  false,
                  "error",
                  "exit status 2"))
          .statusCode(201);
    }
    recordUsage(
            Map.of(
                "session_id",
                session,
                "provider",
                "acme",
                "model",
                "frontier-9",
                "input_tokens",
                100,
                "output_tokens",
                10))
        .statusCode(201);

    ponder().body("result.projects[0].created", equalTo(3));
    tool(Map.of("action", "insights"))
        .statusCode(200)
        .body(
            "data.insights.kind",
            equalTo(List.of("unpriced_model", "retry_loop", "repeated_failure")))
        .body("data.insights[0].source", equalTo("proactive"))
        .body("data.insights[1].evidence", hasSize(3));

    ponder().body("result.projects[0].unchanged", equalTo(3));
    int retryLoop =
        tool(Map.of("action", "insights", "insight_source", "pondering"))
            .extract()
            .path("data.insights.find { it.kind == 'retry_loop' }.id");
    tool(Map.of("action", "dismiss_insight", "insight_id", retryLoop)).statusCode(200);

    recordCall(
            session,
            Map.of("tool", "Bash", "arguments", Map.of("command", "make test"), "ok", false))
        .statusCode(201);
    ponder().body("result.projects[0].updated", equalTo(2));
    tool(Map.of("action", "insights"))
        .body("data.insights.id", not(hasItem(retryLoop)))
        .body("data.insights", hasSize(2));
    given()
        .get("/v1/insights/{id}", retryLoop)
        .then()
        .body("dismissed", equalTo(true))
        .body("occurrences", equalTo(2))
        .body("title", containsString("4 times in a row"));
  }

  private static io.restassured.response.ValidatableResponse ponder() {
    String taskId =
        given().post("/v1/insights/ponder").then().statusCode(202).extract().path("taskId");
    return Tasks.await(taskId, Tasks.status("completed")).body("status", equalTo("completed"));
  }
}
