package dev.sessionsidecar.agents;

import static dev.sessionsidecar.agents.RealClaudeCodeIT.json;
import static dev.sessionsidecar.agents.ScriptedModel.Turn.call;
import static dev.sessionsidecar.agents.ScriptedModel.Turn.say;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.sessionsidecar.agents.ScriptedModel.Call;
import dev.sessionsidecar.agents.ScriptedModel.Exchange;
import dev.sessionsidecar.agents.ScriptedModel.Issued;
import dev.sessionsidecar.testing.SidecarProcess;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The real Codex CLI (the version the pom pins) works through whole sessions against a scripted
 * model, fed to a packaged sidecar through the files this project ships: {@code hooks.json} trusted
 * with {@code trust-hooks.mjs}, {@code config.toml}'s telemetry exporter and MCP server. What the
 * sidecar stored is checked against what the model answered and what Codex itself reported.
 */
class RealCodexIT extends RealAgentTest {

  @Test
  void aWholeSessionIsRecordedAsItHappenedThenResumedThenStoppedByABudget() throws Exception {
    try (ScriptedModel model = ScriptedModel.start()) {
      model.script(
          "main",
          call(shell("echo hello"), shell("echo oops >&2; exit 3")),
          call(new Call(Codex.MCP_TOOL, json("{\"action\":\"current_session\"}"))),
          say("All done."));
      Codex codex = Codex.install(root.resolve("trusted"), stored.url(), model);
      codex.trustHooks();
      McpTraffic traffic = McpTraffic.from(stored);
      AgentRun run = codex.exec("Work through [[script:main]]");
      String session = threadOf(run);
      checkFirstRun(model, codex, run, session);
      // By default Codex 0.171.0 speaks a handshake revision, served without a session id.
      System.out.println("Codex (default) over MCP: " + traffic.allOf("2025-06-18"));

      model.script("again", call(shell("echo again")), say("Again done."));
      AgentRun resumed = codex.resume(session, "Carry on [[script:again]]");
      assertEquals(session, threadOf(resumed), "a resume keeps the id");
      Map<String, JsonNode> usage = stored.awaitUsage(session, model.exchanges().size());
      assertEquals(model.exchanges().size(), usage.size(), "each response once, resumed or not");
      model.exchanges().forEach(exchange -> matching(usage, exchange));
      JsonNode resumedSession = stored.session(session);
      assertEquals(2, resumedSession.path("prompts").asInt(), resumedSession.toString());
      assertEquals("completed", resumedSession.path("status").asText());

      checkBudgetStops(model, codex, session);
    }
  }

  /**
   * Codex with the shipped files, next to a sidecar that also follows its rollout files (from
   * before their folder exists): each response is recorded once, from the rollout, under its
   * response id (the telemetry's responses carry none, so they are left to the rollouts), in the
   * session the rollout names; ccusage, reading the same {@code CODEX_HOME}, counts the same tokens
   * and the same cost.
   */
  @Test
  void theRolloutsRecordEveryResponseOnceAsCcusageCountsIt() throws Exception {
    Path place = root.resolve("rollouts");
    Path codexHome = place.resolve("codex-home");
    SidecarProcess follower = readingRollouts(place.resolve("sidecar-data"), codexHome);
    try (ScriptedModel model = ScriptedModel.start()) {
      SidecarRecord record = new SidecarRecord(follower);
      model.script("roll", call(shell("echo one")), call(shell("echo two")), say("Rolled."));
      Codex codex = Codex.install(place, record.url(), model);
      codex.trustHooks();
      String session = threadOf(codex.exec("Roll [[script:roll]]"));
      List<Exchange> exchanges = model.exchanges();
      Map<String, JsonNode> usage = record.awaitUsage(session, exchanges.size());
      assertEquals(
          exchanges.stream().map(Exchange::id).collect(Collectors.toSet()),
          usage.keySet(),
          "each response once, under its id");
      exchanges.forEach(
          exchange ->
              assertEquals(exchange.id(), matching(usage, exchange).path("request_id").asText()));
      // The rollout names each call as the model's API does; the hooks' names win, whichever
      // of the two the sidecar read first.
      Map<String, JsonNode> calls = record.awaitToolCalls(session);
      assertEquals(
          model.issued().stream().map(Issued::callId).collect(Collectors.toSet()), calls.keySet());
      for (Issued call : model.issued()) {
        JsonNode recorded = calls.get(call.callId());
        assertEquals("Bash", recorded.path("tool").asText(), recorded.toString());
        assertEquals(
            call.input().path("cmd").asText(),
            recorded.path("arguments").path("command").asText(),
            recorded.toString());
      }

      assertCountsAsCcusage(record, codexHome, session, usage);
    } finally {
      follower.stop();
    }
  }

  /**
   * A sidecar that only reads the rollouts (Codex's hooks and telemetry point at nothing): it
   * records the session in its project, every response, and every tool call as the rollout has it,
   * named as the model's API names it ({@code exec_command} with {@code {"cmd"}}), the command that
   * exited 3 as failed with what it printed, each with how long it took.
   */
  @Test
  void rolloutsAloneRecordTheSessionItsResponsesAndItsToolCalls() throws Exception {
    Path place = root.resolve("rollouts-alone");
    Path codexHome = place.resolve("codex-home");
    SidecarProcess follower = readingRollouts(place.resolve("sidecar-data"), codexHome);
    try (ScriptedModel model = ScriptedModel.start()) {
      SidecarRecord record = new SidecarRecord(follower);
      model.script(
          "alone", call(shell("echo one")), call(shell("echo oops >&2; exit 3")), say("Done."));
      String nobody = "http://127.0.0.1:" + SidecarProcess.freePort();
      Codex codex = Codex.install(place, nobody, model);
      codex.trustHooks();
      AgentRun run = codex.exec("Only the rollout tells [[script:alone]]");
      assertEquals(0, run.exitCode(), run.toString());
      String session = threadOf(run);
      assertEquals(
          model.exchanges().size(), record.awaitUsage(session, model.exchanges().size()).size());
      JsonNode recordedSession = record.session(session);
      assertEquals(
          codex.project().toString(), recordedSession.path("project").path("path").asText());

      List<Issued> issued = model.issued();
      Map<String, JsonNode> calls = record.awaitToolCalls(session);
      assertEquals(issued.stream().map(Issued::callId).collect(Collectors.toSet()), calls.keySet());
      for (Issued call : issued) {
        JsonNode recorded = calls.get(call.callId());
        assertEquals("exec_command", recorded.path("tool").asText(), recorded.toString());
        assertEquals(
            call.input().path("cmd").asText(), recorded.path("arguments").path("cmd").asText());
        boolean failing = call.input().path("cmd").asText().contains("exit 3");
        assertEquals(!failing, recorded.path("ok").asBoolean(), recorded.toString());
        if (failing) {
          assertTrue(
              recorded.path("error").asText().startsWith("exit code 3: "), recorded.toString());
          assertTrue(recorded.path("error").asText().contains("oops"), recorded.toString());
        } else {
          assertTrue(recorded.path("result_summary").asText().contains("one"), recorded.toString());
        }
        assertTrue(recorded.path("duration_ms").isIntegralNumber(), recorded.toString());
      }
      olderRolloutCountsAsCcusage(place, codexHome, session, model.exchanges().size());
    } finally {
      follower.stop();
    }
  }

  /** ccusage, reading the same {@code CODEX_HOME}, counts the session's tokens and cost alike. */
  private static void assertCountsAsCcusage(
      SidecarRecord record, Path codexHome, String session, Map<String, JsonNode> usage)
      throws Exception {
    JsonNode theirs =
        Ccusage.codexSessions(codexHome).entrySet().stream()
            .filter(e -> e.getKey().endsWith(session))
            .map(Map.Entry::getValue)
            .findFirst()
            .orElseThrow();
    long cacheRead = sum(usage, "cache_read_tokens");
    assertEquals(theirs.path("inputTokens").asLong(), sum(usage, "input_tokens") - cacheRead);
    assertEquals(theirs.path("cacheReadTokens").asLong(), cacheRead);
    assertEquals(theirs.path("outputTokens").asLong(), sum(usage, "output_tokens"));
    assertEquals(theirs.path("reasoningOutputTokens").asLong(), sum(usage, "reasoning_tokens"));
    BigDecimal cost = record.cost(session);
    assertTrue(
        cost.subtract(theirs.path("costUSD").decimalValue())
                .abs()
                .compareTo(new BigDecimal("0.0001"))
            <= 0,
        "ccusage priced "
            + Codex.MODEL
            + " at $"
            + theirs.path("costUSD")
            + ", the sidecar $"
            + cost);
  }

  /**
   * The session's rollout as Codex before 0.171 wrote it (the same lines without its {@code
   * token_usage_record} lines, so each response is a {@code token_count} event alone), read by a
   * sidecar of its own: each response once, counted as ccusage counts the same file.
   */
  private static void olderRolloutCountsAsCcusage(
      Path place, Path codexHome, String session, int responses) throws Exception {
    Path rollout;
    try (var files = Files.walk(codexHome.resolve("sessions"))) {
      rollout =
          files
              .filter(f -> f.getFileName().toString().endsWith(session + ".jsonl"))
              .findFirst()
              .orElseThrow();
    }
    Path olderHome = place.resolve("older-codex-home");
    Path older = olderHome.resolve(codexHome.relativize(rollout));
    Files.createDirectories(older.getParent());
    Files.write(
        older,
        Files.readAllLines(rollout).stream()
            .filter(line -> !line.contains("\"type\":\"token_usage_record\""))
            .toList());
    SidecarProcess reader = readingRollouts(place.resolve("older-sidecar-data"), olderHome);
    try {
      SidecarRecord record = new SidecarRecord(reader);
      Map<String, JsonNode> usage = record.awaitUsage(session, responses);
      assertEquals(responses, usage.size(), "each response once: " + usage.keySet());
      assertCountsAsCcusage(record, olderHome, session, usage);
    } finally {
      reader.stop();
    }
  }

  /**
   * A sidecar of its own (data in {@code data}) that reads the rollouts under {@code codexHome}.
   */
  private static SidecarProcess readingRollouts(Path data, Path codexHome) throws Exception {
    return SidecarProcess.start(data, Map.of("SIDECAR_TRANSCRIPTS_CODEX", codexHome.toString()))
        .awaitReady();
  }

  private static long sum(Map<String, JsonNode> usage, String field) {
    return usage.values().stream().mapToLong(r -> r.path(field).asLong()).sum();
  }

  @Test
  void theModelReadsTheCompactTextOfEveryActionOverMcp() throws Exception {
    try (ScriptedModel model = ScriptedModel.start()) {
      ModelReading reading = ModelReading.script(model, "reads", Codex.MCP_TOOL, stored);
      Codex codex = Codex.install(root.resolve("reading"), stored.url(), model);
      codex.trustHooks();
      // Codex 0.171.0 speaks MCP 2026-07-28 only when asked (a feature still "under development").
      codex.enable("mcp_2026_07_28");
      McpTraffic traffic = McpTraffic.from(stored);
      AgentRun run = codex.exec("Read your record [[script:reads]]");
      assertEquals(0, run.exitCode(), run.toString());
      assertEquals(ModelReading.ACTIONS.size(), reading.check("Codex", model).size());
      traffic.spokeTheNewestRevision("Codex (mcp_2026_07_28)", ModelReading.ACTIONS.size());
    }
  }

  private void checkFirstRun(ScriptedModel model, Codex codex, AgentRun run, String session)
      throws Exception {
    List<Exchange> exchanges = model.exchanges();
    assertEquals(3, exchanges.size(), model.otherRequests().toString());
    Map<String, JsonNode> usage = stored.awaitUsage(session, exchanges.size());
    assertEquals(exchanges.size(), usage.size(), "each response once: " + usage.keySet());
    long input = 0;
    long output = 0;
    for (Exchange exchange : exchanges) {
      JsonNode record = matching(usage, exchange);
      assertEquals("openai", record.path("provider").asText());
      assertEquals(Codex.MODEL, record.path("model").asText());
      assertEquals("estimated", record.path("cost_source").asText(), "Codex reports no cost");
      input += exchange.usage().input();
      output += exchange.usage().output();
    }
    JsonNode turn = run.last(e -> e.path("type").asText().equals("turn.completed"));
    assertEquals(turn.path("usage").path("input_tokens").asLong(), input, turn.toString());
    assertEquals(turn.path("usage").path("output_tokens").asLong(), output);

    Map<String, JsonNode> calls = stored.toolCalls(session);
    List<Issued> issued = model.issued();
    assertEquals(issued.stream().map(Issued::callId).collect(Collectors.toSet()), calls.keySet());
    for (Issued call : issued) {
      JsonNode recorded = calls.get(call.callId());
      boolean mcp = call.tool().equals(Codex.MCP_TOOL);
      // Hooks name a shell call Bash with {"command"}, as Claude Code does; they win over the
      // telemetry's exec_command {"cmd"}.
      assertEquals(mcp ? "mcp__session__session" : "Bash", recorded.path("tool").asText());
      String command = call.input().path("cmd").asText();
      if (!mcp) {
        assertEquals(command, recorded.path("arguments").path("command").asText());
      }
      boolean failing = command.contains("exit 3");
      assertEquals(!failing, recorded.path("ok").asBoolean(), recorded.toString());
      if (failing) {
        assertTrue(recorded.path("error").asText().startsWith("exit code 3"), recorded.toString());
      }
    }
    String mcpCall = issued.get(2).callId();
    assertTrue(
        model.resultOf(mcpCall).contains("session " + session + " active"),
        "the session tool answered the model over MCP: " + model.resultOf(mcpCall));

    JsonNode recordedSession = stored.session(session);
    assertEquals("codex", recordedSession.path("client").asText());
    assertEquals(codex.project().toString(), recordedSession.path("project").path("path").asText());
    assertEquals("startup", recordedSession.path("source").asText());
    assertEquals("completed", recordedSession.path("status").asText(), "SessionEnd ended it");
    assertEquals(1, recordedSession.path("prompts").asInt());
    assertEquals(1, recordedSession.path("errors").asInt(), "the command that exited 3");
  }

  private void checkBudgetStops(ScriptedModel model, Codex codex, String session) throws Exception {
    Path marker = codex.project().resolve("ran-after-budget");
    model.script(
        "budget", call(shell("echo before")), call(shell("touch " + marker)), say("Stop."));
    budgetRunsOutBefore(model, "budget", 1, codex.project());
    AgentRun stopped = codex.resume(session, "Spend [[script:budget]]");
    assertEquals(0, stopped.exitCode(), stopped.toString());
    assertFalse(Files.exists(marker), "the call after the budget ran out was denied");
    String denied =
        model.issued().stream()
            .filter(c -> c.input().path("cmd").asText().equals("touch " + marker))
            .findFirst()
            .orElseThrow()
            .callId();
    assertTrue(
        String.valueOf(model.resultOf(denied)).contains("Spend limit reached"),
        String.valueOf(model.resultOf(denied)));

    int before = model.exchanges().size();
    AgentRun blocked = codex.resume(session, "Once more [[script:again]]");
    assertEquals(0, blocked.exitCode(), blocked.toString());
    assertEquals(before, model.exchanges().size(), "the blocked prompt reached no model");
  }

  @Test
  void untrustedHooksLeaveTelemetryOnlyAndTheSidecarSaysSo() throws Exception {
    try (ScriptedModel model = ScriptedModel.start()) {
      model.script("plain", call(shell("echo plain")), say("Plain done."));
      Codex codex = Codex.install(root.resolve("untrusted"), stored.url(), model);
      AgentRun run = codex.exec("Nobody trusted the hooks [[script:plain]]");
      String session = threadOf(run);
      Map<String, JsonNode> usage = stored.awaitUsage(session, model.exchanges().size());
      assertEquals(model.exchanges().size(), usage.size());
      JsonNode recorded = stored.session(session);
      assertEquals("otlp", recorded.path("client").asText(), "no hook event arrived");
      assertEquals(1, recorded.path("prompts").asInt(), "counted from the telemetry's prompt");
      JsonNode call = stored.toolCalls(session).get(model.issued().get(0).callId());
      assertNotNull(call, "the telemetry's tool result");
      assertEquals("exec_command", call.path("tool").asText());
      assertTrue(
          stored.log().contains("Session " + session + " was started from telemetry"),
          "the sidecar's log says the hooks never arrived");
    }
  }

  @Test
  void aSidecarThatIsDownBreaksNothing() throws Exception {
    try (ScriptedModel model = ScriptedModel.start()) {
      model.script("alone", call(shell("echo alone")), say("Alone done."));
      String nobody = "http://127.0.0.1:" + SidecarProcess.freePort();
      Codex codex = Codex.install(root.resolve("down"), nobody, model);
      codex.trustHooks();
      AgentRun run = codex.exec("Work alone [[script:alone]]");
      threadOf(run);
      assertEquals(2, model.exchanges().size(), "the agent went through its whole script");
      assertTrue(
          model.resultOf(model.issued().get(0).callId()).contains("alone"),
          "the command ran: " + model.resultOf(model.issued().get(0).callId()));
      System.out.println("Codex with no sidecar behind its hooks: " + run.elapsed());
    }
  }

  // --- helpers

  private static Call shell(String command) {
    return new Call("exec_command", json("{\"cmd\":\"" + command.replace("\"", "\\\"") + "\"}"));
  }

  private static String threadOf(AgentRun run) {
    assertEquals(0, run.exitCode(), run.toString());
    return run.last(e -> e.path("type").asText().equals("thread.started"))
        .path("thread_id")
        .asText();
  }

  /**
   * The stored record of a response: Codex's telemetry carries no response id, so it is found by
   * its token counts, which the scripted model makes different for every reply.
   */
  private static JsonNode matching(Map<String, JsonNode> usage, Exchange exchange) {
    List<JsonNode> found =
        usage.values().stream()
            .filter(r -> r.path("input_tokens").asLong() == exchange.usage().input())
            .filter(r -> r.path("output_tokens").asLong() == exchange.usage().output())
            .filter(r -> r.path("cache_read_tokens").asLong() == exchange.usage().cacheRead())
            .filter(r -> r.path("reasoning_tokens").asLong() == exchange.usage().reasoning())
            .toList();
    assertEquals(1, found.size(), "response " + exchange.id() + " stored once: " + found);
    return found.get(0);
  }
}
