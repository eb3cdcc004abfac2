package dev.sessionsidecar.tool;

import static dev.sessionsidecar.Api.startSession;
import static dev.sessionsidecar.Api.tool;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** A pod bound to one project has an active project before any session starts. */
@QuarkusTest
@TestProfile(BoundProjectTest.Bound.class)
class BoundProjectTest {

  static final String PROJECT = "/srv/bound-project";

  /** A fresh sidecar with {@code sidecar.project} set. */
  public static class Bound implements QuarkusTestProfile {
    @Override
    public Map<String, String> getConfigOverrides() {
      return Map.of(
          "sidecar.data-dir",
          "./target/test-data-bound-" + UUID.randomUUID(),
          "sidecar.project",
          PROJECT);
    }
  }

  @Test
  void listSessionsWorksFromTheStartAndSessionsNeedNoPath() {
    tool(Map.of("action", "list_sessions"))
        .statusCode(200)
        .body("data.project.path", equalTo(PROJECT))
        .body("data.total", equalTo(0))
        .body("text", startsWith("project " + PROJECT + ": 0 sessions"));

    startSession(Map.of("session_id", "bound-1"))
        .statusCode(201)
        .body("project.path", equalTo(PROJECT))
        .body("project.name", equalTo("bound-project"));
    tool(Map.of("action", "list_sessions")).body("data.total", equalTo(1));
  }
}
