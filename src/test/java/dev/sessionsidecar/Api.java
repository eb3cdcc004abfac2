package dev.sessionsidecar;

import static io.restassured.RestAssured.given;

import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import java.util.Map;
import java.util.UUID;

/** Small HTTP helpers the black-box tests share: start sessions, record calls, call the tool. */
public final class Api {

  private Api() {}

  /** A fresh id, unique across test runs on the same data directory. */
  public static String newId(String prefix) {
    return prefix + "-" + UUID.randomUUID();
  }

  /** A project path no other test uses. */
  public static String newProject() {
    return "/work/projects/" + UUID.randomUUID();
  }

  /** Starts a new session in the project and answers its id. */
  public static String newSession(String projectPath) {
    String id = newId("s");
    startSession(Map.of("session_id", id, "project_path", projectPath)).statusCode(201);
    return id;
  }

  public static ValidatableResponse startSession(Object body) {
    return given().contentType(ContentType.JSON).body(body).post("/v1/sessions").then();
  }

  public static ValidatableResponse recordCall(String sessionId, Object body) {
    return given()
        .contentType(ContentType.JSON)
        .body(body)
        .post("/v1/sessions/{id}/tool-calls", sessionId)
        .then();
  }

  public static ValidatableResponse endSession(String sessionId, Object body) {
    return given()
        .contentType(ContentType.JSON)
        .body(body)
        .post("/v1/sessions/{id}/end", sessionId)
        .then();
  }

  public static ValidatableResponse tool(Object body) {
    return given().contentType(ContentType.JSON).body(body).post("/v1/tools/session").then();
  }
}
