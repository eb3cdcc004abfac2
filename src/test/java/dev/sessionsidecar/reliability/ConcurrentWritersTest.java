package dev.sessionsidecar.reliability;

import static dev.sessionsidecar.testing.Api.newProject;
import static dev.sessionsidecar.testing.Api.newSession;
import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sessionsidecar.testing.Api;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Sixteen writers at once on one session, each sending the same call ids and request ids (in its
 * own order) plus writes of its own: nothing is stored twice, nothing is lost, counts are exact.
 */
@QuarkusTest
class ConcurrentWritersTest {

  static final int WRITERS = 16;
  static final int SHARED = 40;
  static final int OWN = 10;

  @Test
  void sharedIdsAreStoredOnceAndEveryOwnWriteExactlyOnce() throws Exception {
    String session = newSession(newProject());
    String prefix = session.substring(2, 10);
    ConcurrentLinkedQueue<Integer> statuses = new ConcurrentLinkedQueue<>();
    ExecutorService pool = Executors.newFixedThreadPool(WRITERS);
    CountDownLatch gate = new CountDownLatch(1);
    List<Future<?>> done = new ArrayList<>();
    for (int w = 0; w < WRITERS; w++) {
      int writer = w;
      done.add(
          pool.submit(
              () -> {
                gate.await();
                List<Integer> order = new ArrayList<>();
                for (int i = 0; i < SHARED; i++) {
                  order.add(i);
                }
                Collections.shuffle(order, new java.util.Random(writer));
                for (int i : order) {
                  statuses.add(call(session, prefix + "-shared-" + i));
                  statuses.add(usage(session, prefix + "-shared-" + i));
                }
                for (int i = 0; i < OWN; i++) {
                  statuses.add(call(session, prefix + "-w" + writer + "-" + i));
                  statuses.add(usage(session, prefix + "-w" + writer + "-" + i));
                }
                return null;
              }));
    }
    gate.countDown();
    for (Future<?> f : done) {
      f.get(120, TimeUnit.SECONDS);
    }
    pool.shutdown();
    assertTrue(
        statuses.stream().allMatch(s -> s == 200 || s == 201),
        "statuses " + new HashSet<>(statuses));

    int expected = SHARED + WRITERS * OWN;
    List<String> callIds =
        given()
            .get("/v1/sessions/{id}/tool-calls?limit=500", session)
            .then()
            .statusCode(200)
            .extract()
            .path("items.call_id");
    assertEquals(expected, callIds.size(), "tool calls stored");
    assertEquals(expected, new HashSet<>(callIds).size(), "no call stored twice");
    given()
        .get("/v1/sessions/{id}", session)
        .then()
        .body("tool_calls", org.hamcrest.Matchers.equalTo(expected));
    List<String> requestIds =
        given()
            .get("/v1/usage?session=" + session + "&limit=1000")
            .then()
            .statusCode(200)
            .extract()
            .path("items.request_id");
    assertEquals(expected, requestIds.size(), "usage records stored");
    assertEquals(expected, new HashSet<>(requestIds).size(), "no record stored twice");
    long created = statuses.stream().filter(s -> s == 201).count();
    assertEquals(2L * expected, created, "one 201 per stored write, 200 for every repeat");
  }

  private static int call(String session, String callId) {
    return given()
        .contentType(ContentType.JSON)
        .body(Map.of("call_id", callId, "tool", "Bash"))
        .post("/v1/sessions/{id}/tool-calls", session)
        .statusCode();
  }

  private static int usage(String session, String requestId) {
    Map<String, Object> body = Api.usageOf(session);
    body.put("request_id", requestId);
    return Api.recordUsage(body).extract().statusCode();
  }
}
