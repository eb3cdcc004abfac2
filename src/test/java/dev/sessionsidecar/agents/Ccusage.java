package dev.sessionsidecar.agents;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * ccusage (the version the pom pins, installed beside the agents), the report tool people already
 * trust for Claude Code's usage, reading a Claude Code configuration folder offline: the oracle the
 * sidecar's own figures for the same transcripts are held against.
 */
final class Ccusage {

  private static final ObjectMapper JSON = new ObjectMapper();

  private Ccusage() {}

  /** {@code ccusage claude session --json --offline} over the folder, by session id. */
  static Map<String, JsonNode> claudeSessions(Path claudeConfig)
      throws IOException, InterruptedException {
    return sessions("claude", "CLAUDE_CONFIG_DIR", claudeConfig);
  }

  /**
   * {@code ccusage codex session --json --offline} over a {@code CODEX_HOME}, by session id, which
   * is the rollout file's path under {@code sessions/} without {@code .jsonl}.
   */
  static Map<String, JsonNode> codexSessions(Path codexHome)
      throws IOException, InterruptedException {
    return sessions("codex", "CODEX_HOME", codexHome);
  }

  private static Map<String, JsonNode> sessions(String agent, String variable, Path folder)
      throws IOException, InterruptedException {
    Path out = Files.createTempFile("ccusage", ".json");
    Path err = Files.createTempFile("ccusage", ".err");
    ProcessBuilder builder =
        new ProcessBuilder(
                List.of(
                    ShippedFiles.agentCommand("ccusage").toString(),
                    agent,
                    "session",
                    "--json",
                    "--offline"))
            .redirectOutput(out.toFile())
            .redirectError(err.toFile());
    builder.environment().put(variable, folder.toString());
    Process process = builder.start();
    if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
      process.destroyForcibly();
      throw new IllegalStateException("ccusage failed: " + Files.readString(err));
    }
    Map<String, JsonNode> sessions = new LinkedHashMap<>();
    for (JsonNode session : JSON.readTree(out.toFile()).path("sessions")) {
      sessions.put(session.path("sessionId").asText(), session);
    }
    return sessions;
  }
}
