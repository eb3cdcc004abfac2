package dev.sessionsidecar.tool;

import static dev.sessionsidecar.testing.Api.startSession;
import static dev.sessionsidecar.testing.Api.tool;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

import dev.sessionsidecar.testing.TestStore;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * A pod bound to one project has an active project before any session starts, and stamps its
 * identity (as the downward API gives it) on the sessions it runs.
 */
@QuarkusTest
@TestProfile(BoundProjectTest.Bound.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class BoundProjectTest {

  static final String PROJECT = "/srv/bound-project";

  /** A fresh sidecar with {@code sidecar.project} set. */
  public static class Bound implements QuarkusTestProfile {
    @Override
    public Map<String, String> getConfigOverrides() {
      Map<String, String> config = new HashMap<>(TestStore.fresh("bound"));
      config.putAll(
          Map.of(
              "sidecar.project",
              PROJECT,
              "sidecar.pod-name",
              "agent-7f9c4-x2k8p",
              "sidecar.pod-namespace",
              "agents",
              "sidecar.node-name",
              "node-3",
              "sidecar.pod-uid",
              "0f3c9a52-6f5e-4c1e-9d53-3b1f4a0e7c21"));
      return config;
    }
  }

  @Test
  @Order(1)
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

  @Test
  @Order(2)
  void sessionsCarryThePodIdentity() {
    String id = "pod-" + UUID.randomUUID();
    startSession(Map.of("session_id", id))
        .statusCode(201)
        .body("pod.name", equalTo("agent-7f9c4-x2k8p"))
        .body("pod.namespace", equalTo("agents"))
        .body("pod.node", equalTo("node-3"))
        .body("pod.uid", equalTo("0f3c9a52-6f5e-4c1e-9d53-3b1f4a0e7c21"));
    tool(Map.of("action", "current_session"))
        .statusCode(200)
        .body("data.pod.name", equalTo("agent-7f9c4-x2k8p"))
        .body(
            "text",
            org.hamcrest.Matchers.containsString(
                "pod agents/agent-7f9c4-x2k8p on node node-3 (uid"
                    + " 0f3c9a52-6f5e-4c1e-9d53-3b1f4a0e7c21)"));
  }
}
