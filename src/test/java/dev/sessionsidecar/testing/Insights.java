package dev.sessionsidecar.testing;

import static io.restassured.RestAssured.given;

import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** HTTP helpers for insights: reports, lists, dismissals. */
public final class Insights {

  private Insights() {}

  public static ValidatableResponse report(Object body) {
    return given().contentType(ContentType.JSON).body(body).post("/v1/insights").then();
  }

  /** A valid report body in the project, with a title and a confidence. */
  public static Map<String, Object> finding(String project, String title, double confidence) {
    Map<String, Object> body = finding(project, "doc_gap", "missing_docs", title, confidence);
    body.put(
        "evidence",
        List.of(Map.of("type", "file", "ref", "docs/setup.md", "excerpt", "no word on ports")));
    return body;
  }

  /** Reports a finding with these fields and answers its id. */
  public static int reportId(Map<String, Object> body) {
    return report(body).statusCode(201).extract().path("id");
  }

  /** A valid report body without evidence: project, source, kind, title, confidence. */
  public static Map<String, Object> finding(
      String project, String source, String kind, String title, double confidence) {
    Map<String, Object> body = new HashMap<>();
    body.put("project", project);
    body.put("source", source);
    body.put("kind", kind);
    body.put("title", title);
    body.put("confidence", confidence);
    return body;
  }

  public static ValidatableResponse list(String query) {
    return given().get("/v1/insights" + query).then();
  }

  public static ValidatableResponse dismiss(long id) {
    return given().post("/v1/insights/{id}/dismiss", id).then();
  }

  public static ValidatableResponse restore(long id) {
    return given().post("/v1/insights/{id}/restore", id).then();
  }
}
