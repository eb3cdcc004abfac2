package dev.sessionsidecar.agents;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.math.BigDecimal;
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

  /** What the sidecar holds for some requests, as its records and figures name it. */
  record Held(long input, long output, long cacheWrite, long cacheRead, BigDecimal cost) {

    static final Held NONE = new Held(0, 0, 0, 0, BigDecimal.ZERO);

    /** From a usage record or a figures object (input includes the cache, as stored). */
    static Held of(JsonNode figures) {
      return new Held(
          figures.path("input_tokens").asLong(),
          figures.path("output_tokens").asLong(),
          figures.path("cache_write_tokens").asLong(),
          figures.path("cache_read_tokens").asLong(),
          figures.path("cost_usd").decimalValue());
    }

    Held plus(Held other) {
      return new Held(
          input + other.input,
          output + other.output,
          cacheWrite + other.cacheWrite,
          cacheRead + other.cacheRead,
          cost.add(other.cost));
    }
  }

  /**
   * Where one model breakdown of a ccusage report and what the sidecar holds differ, one line each:
   * every token count exactly (ccusage's input leaves the cache out, as Anthropic's does), and the
   * cost to $0.0001 where ccusage has a price for the model.
   */
  static List<String> differences(String where, JsonNode breakdown, Held held) {
    String ours =
        (held.input() - held.cacheRead() - held.cacheWrite())
            + "/"
            + held.output()
            + "/"
            + held.cacheWrite()
            + "/"
            + held.cacheRead();
    String theirs =
        breakdown.path("inputTokens").asLong()
            + "/"
            + breakdown.path("outputTokens").asLong()
            + "/"
            + breakdown.path("cacheCreationTokens").asLong()
            + "/"
            + breakdown.path("cacheReadTokens").asLong();
    List<String> differences = new ArrayList<>();
    if (!ours.equals(theirs)) {
      differences.add(
          where + ": input/output/cache write/cache read " + theirs + " vs ours " + ours);
    }
    BigDecimal theirCost = breakdown.path("cost").decimalValue();
    if (!breakdown.path("missingPricing").asBoolean()
        && held.cost().subtract(theirCost).abs().compareTo(new BigDecimal("0.0001")) > 0) {
      differences.add(where + ": cost $" + theirCost + " vs ours $" + held.cost());
    }
    return differences;
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
