package dev.sessionsidecar.agents;

import dev.sessionsidecar.testing.SidecarProcess;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;

/**
 * What every real-agent test has: a packaged sidecar of its own on a fresh data directory, started
 * once for the class as the README says, and the room for the agents' homes and projects.
 */
abstract class RealAgentTest {

  @TempDir static Path root;
  static SidecarProcess sidecar;
  static SidecarRecord stored;

  /**
   * The Claude Code configuration folder the agents share with the sidecar, as a pod's shared
   * volume: the sidecar reads the transcripts written there (created by the first agent, after the
   * sidecar started).
   */
  static Path claudeConfig;

  @BeforeAll
  static void startSidecar() throws Exception {
    claudeConfig = root.resolve("claude-config");
    sidecar =
        SidecarProcess.start(
                root.resolve("sidecar-data"),
                Map.of("SIDECAR_TRANSCRIPTS_CLAUDE_CODE", claudeConfig.toString()))
            .awaitReady();
    stored = new SidecarRecord(sidecar);
  }

  @AfterAll
  static void stopSidecar() throws Exception {
    sidecar.stop();
  }

  /**
   * Just before the model answers {@code step} of {@code script}, a blocking budget of one token
   * per session of the project is set, so that the running session's budget is used up from then
   * on: the rest of the turn and the next prompt meet it.
   */
  static void budgetRunsOutBefore(ScriptedModel model, String script, int step, Path project) {
    String budget =
        "{\"scope\":\"session\",\"project\":\""
            + project
            + "\",\"limit_tokens\":1,\"action\":\"block\"}";
    model.beforeTurn(script, step, () -> post("/v1/budgets", budget));
  }

  /** Posts to the sidecar from inside a model's turn, where no checked exception may escape. */
  static void post(String path, String body) {
    try {
      stored.post(path, body);
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }
}
