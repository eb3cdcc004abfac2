package dev.sessionsidecar.testing;

import static io.restassured.RestAssured.given;

import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;

/** HTTP helpers for goals and preferences. */
public final class Goals {

  private Goals() {}

  public static ValidatableResponse postGoal(Object body) {
    return given().contentType(ContentType.JSON).body(body).post("/v1/goals").then();
  }

  public static ValidatableResponse patchGoal(String id, Object body) {
    return given().contentType(ContentType.JSON).body(body).patch("/v1/goals/{id}", id).then();
  }

  public static ValidatableResponse putPreference(String key, Object body) {
    return given()
        .contentType(ContentType.JSON)
        .body(body)
        .put("/v1/preferences/{key}", key)
        .then();
  }
}
