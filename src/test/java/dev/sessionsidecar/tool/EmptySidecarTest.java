package dev.sessionsidecar.tool;

import static dev.sessionsidecar.platform.ProblemAssertions.assertProblem;
import static dev.sessionsidecar.testing.Api.tool;
import static org.hamcrest.Matchers.containsString;

import dev.sessionsidecar.testing.TestStore;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A sidecar that has seen no session and has no configured project. */
@QuarkusTest
@TestProfile(EmptySidecarTest.Fresh.class)
class EmptySidecarTest {

  /** A new, empty data directory. */
  public static class Fresh implements QuarkusTestProfile {
    @Override
    public Map<String, String> getConfigOverrides() {
      return TestStore.fresh("empty");
    }
  }

  @Test
  void projectActionsSayHowToGetAProject() {
    assertProblem(tool(Map.of("action", "list_sessions")), 409, "no_active_project")
        .body("detail", containsString("SIDECAR_PROJECT"));
    assertProblem(tool(Map.of("action", "insights")), 409, "no_active_project");
    assertProblem(
        tool(Map.of("action", "dismiss_insight", "insight_id", 1)), 409, "no_active_project");
  }

  @Test
  void sessionActionsSayHowToStartOne() {
    assertProblem(tool(Map.of("action", "current_session")), 409, "no_active_session")
        .body("detail", containsString("POST /v1/sessions"));
    assertProblem(tool(Map.of("action", "get_history")), 409, "no_active_session");
  }
}
