package dev.sessionsidecar.agents;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
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
    return bySession(report("claude", "CLAUDE_CONFIG_DIR", claudeConfig, "session"));
  }

  /**
   * {@code ccusage codex session --json --offline} over a {@code CODEX_HOME}, by session id, which
   * is the rollout file's path under {@code sessions/} without {@code .jsonl}.
   */
  static Map<String, JsonNode> codexSessions(Path codexHome)
      throws IOException, InterruptedException {
    return bySession(report("codex", "CODEX_HOME", codexHome, "session"));
  }

  /** {@code ccusage claude <report> --json --offline <options>} over the folder. */
  static JsonNode claude(Path claudeConfig, String report, String... options)
      throws IOException, InterruptedException {
    return report("claude", "CLAUDE_CONFIG_DIR", claudeConfig, report, options);
  }

  private static Map<String, JsonNode> bySession(JsonNode report) {
    Map<String, JsonNode> sessions = new LinkedHashMap<>();
    for (JsonNode session : report.path("sessions")) {
      sessions.put(session.path("sessionId").asText(), session);
    }
    return sessions;
  }

  private static JsonNode report(
      String agent, String variable, Path folder, String report, String... options)
      throws IOException, InterruptedException {
    Path out = Files.createTempFile("ccusage", ".json");
    Path err = Files.createTempFile("ccusage", ".err");
    List<String> command =
        new ArrayList<>(
            List.of(
                ShippedFiles.agentCommand("ccusage").toString(),
                agent,
                report,
                "--json",
                "--offline"));
    command.addAll(List.of(options));
    ProcessBuilder builder =
        new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile());
    builder.environment().put(variable, folder.toString());
    Process process = builder.start();
    if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
      process.destroyForcibly();
      throw new IllegalStateException("ccusage failed: " + Files.readString(err));
    }
    return JSON.readTree(out.toFile());
  }
}
