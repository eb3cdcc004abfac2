package dev.sessionsidecar.testing;

import static io.restassured.RestAssured.given;

import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.function.Predicate;

/** HTTP helpers for the task tests. */
public final class Tasks {

  private Tasks() {}

  public static ValidatableResponse create(Object body) {
    return given().contentType(ContentType.JSON).body(body).post("/v1/tasks").then();
  }

  public static String createId(Object body) {
    return create(body).statusCode(201).extract().path("taskId");
  }

  public static ValidatableResponse get(String id) {
    return given().get("/v1/tasks/{id}", id).then();
  }

  public static ValidatableResponse patch(String id, Object body) {
    return given().contentType(ContentType.JSON).body(body).patch("/v1/tasks/{id}", id).then();
  }

  public static ValidatableResponse cancel(String id) {
    return given().post("/v1/tasks/{id}/cancel", id).then();
  }

  /** Polls the task until its JSON satisfies the condition (or 30 s pass), and answers it. */
  public static ValidatableResponse await(String id, Predicate<ValidatableResponse> condition) {
    Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
    while (Instant.now().isBefore(deadline)) {
      ValidatableResponse task = get(id);
      if (condition.test(task)) {
        return task;
      }
      try {
        Thread.sleep(100);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        break;
      }
    }
    return get(id);
  }

  public static Predicate<ValidatableResponse> status(String status) {
    return task -> status.equals(task.extract().path("status"));
  }

  public static Predicate<ValidatableResponse> message(String message) {
    return task -> message.equals(task.extract().path("statusMessage"));
  }
}
