package dev.sessionsidecar.testing;

import static io.restassured.RestAssured.given;

import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Supplier;

/** Small HTTP helpers the black-box tests share: start sessions, record calls, call the tool. */
public final class Api {

  private Api() {}

  /** A fresh id, unique across test runs on the same data directory. */
  public static String newId(String prefix) {
    return prefix + "-" + UUID.randomUUID();
  }

  /** A project path no other test uses. */
  public static String newProject() {
    return "/srv/projects/" + UUID.randomUUID();
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

  /** A valid usage record of the session (openai gpt-4o, 1,000 in, 100 out), to add fields to. */
  public static java.util.Map<String, Object> usageOf(String sessionId) {
    java.util.Map<String, Object> body = new java.util.HashMap<>();
    body.put("session_id", sessionId);
    body.put("provider", "openai");
    body.put("model", "gpt-4o");
    body.put("input_tokens", 1000);
    body.put("output_tokens", 100);
    return body;
  }

  public static ValidatableResponse recordUsage(Object body) {
    return given().contentType(ContentType.JSON).body(body).post("/v1/usage").then();
  }

  public static ValidatableResponse endSession(String sessionId, Object body) {
    return given()
        .contentType(ContentType.JSON)
        .body(body)
        .post("/v1/sessions/{id}/end", sessionId)
        .then();
  }

  /**
   * Runs the same request from {@code writers} threads released at once and answers the status
   * codes, to show what concurrent writers get.
   */
  public static List<Integer> concurrently(int writers, Supplier<Integer> request)
      throws InterruptedException, ExecutionException {
    ExecutorService pool = Executors.newFixedThreadPool(writers);
    try {
      CountDownLatch gate = new CountDownLatch(1);
      List<Future<Integer>> futures = new ArrayList<>();
      for (int i = 0; i < writers; i++) {
        futures.add(
            pool.submit(
                () -> {
                  gate.await();
                  return request.get();
                }));
      }
      gate.countDown();
      List<Integer> statuses = new ArrayList<>();
      for (Future<Integer> future : futures) {
        statuses.add(future.get());
      }
      return statuses;
    } finally {
      pool.shutdownNow();
    }
  }

  /** A copy of a JSON body with these key/value pairs added or replaced. */
  public static Map<String, Object> with(Map<String, Object> body, Object... pairs) {
    Map<String, Object> copy = new HashMap<>(body);
    for (int i = 0; i < pairs.length; i += 2) {
      copy.put((String) pairs[i], pairs[i + 1]);
    }
    return copy;
  }

  public static ValidatableResponse tool(Object body) {
    return given().contentType(ContentType.JSON).body(body).post("/v1/tools/session").then();
  }
}
