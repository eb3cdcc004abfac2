package dev.sessionsidecar.session;

import static dev.sessionsidecar.testing.Api.newProject;
import static dev.sessionsidecar.testing.Api.newSession;
import static dev.sessionsidecar.testing.Api.recordCall;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

import dev.sessionsidecar.testing.TestStore;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

@QuarkusTest
@TestProfile(IdleSessionTest.ShortIdleTimeout.class)
class IdleSessionTest {

  /** Sessions idle after one second; the job looks every second. */
  public static class ShortIdleTimeout implements QuarkusTestProfile {
    @Override
    public Map<String, String> getConfigOverrides() {
      Map<String, String> config = new HashMap<>(TestStore.fresh("idle"));
      config.putAll(
          Map.of(
              "sidecar.session.idle-timeout", "1s", "sidecar.session.idle-check-interval", "1s"));
      return config;
    }
  }

  @Test
  void anIdleSessionIsClosedWithItsReasonAndAToolCallReopensIt() {
    String id = newSession(newProject());
    awaitStatus(id, "idle_closed");
    given()
        .get("/v1/sessions/{id}", id)
        .then()
        .body("end_reason", containsString("without activity"));

    recordCall(id, Map.of("tool", "Bash")).statusCode(201);
    given()
        .get("/v1/sessions/{id}", id)
        .then()
        .body("status", equalTo("active"))
        .body("end_reason", nullValue())
        .body("tool_calls", equalTo(1));
  }

  private static void awaitStatus(String id, String status) {
    Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
    while (Instant.now().isBefore(deadline)) {
      String current = given().get("/v1/sessions/{id}", id).then().extract().path("status");
      if (status.equals(current)) {
        return;
      }
      sleep();
    }
    given().get("/v1/sessions/{id}", id).then().body("status", equalTo(status));
  }

  private static void sleep() {
    try {
      Thread.sleep(200);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
