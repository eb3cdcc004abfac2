package dev.sessionsidecar.agents;

import static dev.sessionsidecar.agents.ScriptedModel.Turn.call;
import static dev.sessionsidecar.agents.ScriptedModel.Turn.say;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.sessionsidecar.agents.ScriptedModel.Call;
import dev.sessionsidecar.agents.ScriptedModel.Exchange;
import dev.sessionsidecar.agents.ScriptedModel.Issued;
import dev.sessionsidecar.testing.SidecarProcess;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The real Claude Code (the version the pom pins) works through whole sessions against a scripted
 * model, fed to a packaged sidecar through the files this project ships: hooks from {@code
 * settings.http.json} or {@code settings.command.json}, telemetry from {@code
 * claude-code-telemetry.env}, the session tool added with {@code claude mcp add}. What the sidecar
 * stored is checked against what the model answered and what Claude Code itself reported.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class RealClaudeCodeIT extends RealAgentTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String SUBAGENT = "general-purpose";

  /** The model Claude Code (the pinned version) asks for when none is named. */
  private static final String DEFAULT_MODEL = "claude-opus-5-5";

  @Test
  void aWholeSessionWithHttpHooksIsRecordedAsItHappenedThenResumedThenStoppedByABudget()
      throws Exception {
    try (ScriptedModel model = ScriptedModel.start()) {
      ClaudeCode claude =
          ClaudeCode.install(
              root.resolve("http"), claudeConfig, "settings.http.json", stored.url(), model);
      Path project = claude.project();
      model
          .script(
              "main",
              call(bash("echo hello"), new Call("Read", json("{\"file_path\":\"/etc/hostname\"}"))),
              call(bash("echo oops >&2; exit 3"), write(project.resolve("denied.txt"))),
              call(new Call(ClaudeCode.MCP_TOOL, json("{\"action\":\"current_session\"}"))),
              call(
                  new Call(
                      "Agent",
                      json(
                          "{\"description\":\"look around\",\"prompt\":\"Look around"
                              + " [[script:sub]]\",\"subagent_type\":\""
                              + SUBAGENT
                              + "\",\"run_in_background\":false}"))),
              say("All done."))
          .script("sub", call(bash("echo from-sub")), say("Sub done."));

      AgentRun first = claude.prompt("Work through [[script:main]]");
      JsonNode result = resultOf(first);
      String session = result.path("session_id").asText();
      checkFirstRun(model, claude, first, session);

      model.script("again", call(bash("echo again")), say("Again done."));
      int before = model.exchanges().size();
      AgentRun resumed = claude.prompt("Carry on [[script:again]]", "--resume", session);
      assertEquals(session, resultOf(resumed).path("session_id").asText(), "a resume keeps the id");
      Map<String, JsonNode> usage =
          stored.awaitUsage(session, model.exchanges().size(), RealClaudeCodeIT::fromBothSources);
      assertEquals(model.exchanges().size(), usage.size(), "each request once, resumed or not");
      assertCostEquals(
          resultOf(resumed).path("total_cost_usd").decimalValue(), stored.cost(session));
      JsonNode resumedSession = stored.session(session);
      assertEquals("resume", resumedSession.path("source").asText());
      assertEquals(2, resumedSession.path("prompts").asInt(), resumedSession.toString());
      assertEquals(before + 2, model.exchanges().size());

      checkBudgetStops(model, claude, session);
    }
  }

  private void checkFirstRun(ScriptedModel model, ClaudeCode claude, AgentRun run, String session)
      throws Exception {
    List<Exchange> exchanges = model.exchanges();
    assertEquals(7, exchanges.size(), "5 turns of the main agent and 2 of its subagent");
    Map<String, JsonNode> usage =
        stored.awaitUsage(session, exchanges.size(), RealClaudeCodeIT::fromBothSources);
    assertEquals(exchanges.size(), usage.size(), usage.keySet().toString());
    for (Exchange exchange : exchanges) {
      JsonNode record = usage.get(exchange.id());
      assertNotNull(record, "request " + exchange.id() + " is stored under its request id");
      assertTokens(exchange.usage(), record);
      assertEquals("reported", record.path("cost_source").asText());
      String role = exchange.script().equals("sub") ? "subagent:" + SUBAGENT : "agent";
      assertEquals(role, record.path("role").asText(), record.toString());
    }
    assertCostEquals(resultOf(run).path("total_cost_usd").decimalValue(), stored.cost(session));

    List<Issued> issued = model.issued();
    assertEachCall(issued, stored.toolCalls(session), "echo from-sub");
    assertFalse(Files.exists(claude.project().resolve("denied.txt")), "the denied call never ran");
    String mcpCall = callOf(issued, ClaudeCode.MCP_TOOL).callId();
    assertTrue(
        model.resultOf(mcpCall).contains("session " + session + " active"),
        "the session tool answered the model over MCP: " + model.resultOf(mcpCall));

    JsonNode recordedSession = stored.session(session);
    assertEquals("claude-code", recordedSession.path("client").asText());
    assertEquals(
        claude.project().toString(), recordedSession.path("project").path("path").asText());
    assertEquals("startup", recordedSession.path("source").asText());
    assertEquals("completed", recordedSession.path("status").asText(), "SessionEnd ended it");
    assertEquals(1, recordedSession.path("prompts").asInt());
    assertEquals(issued.size(), recordedSession.path("tool_calls").asInt());
    assertEquals(2, recordedSession.path("errors").asInt(), "the failed and the denied call");
  }

  /**
   * A used-up blocking budget: a tool call after it was used up is denied by PreToolUse (the
   * command never runs, and the model reads why), and the next prompt is blocked before any request
   * reaches the model.
   */
  private void checkBudgetStops(ScriptedModel model, ClaudeCode claude, String session)
      throws Exception {
    Path marker = claude.project().resolve("ran-after-budget");
    model.script("budget", call(bash("echo before")), call(bash("touch " + marker)), say("Stop."));
    budgetRunsOutBefore(model, "budget", 1, claude.project());
    AgentRun stopped = claude.prompt("Spend [[script:budget]]", "--resume", session);
    assertEquals(0, stopped.exitCode(), stopped.toString());
    assertFalse(Files.exists(marker), "the call after the budget ran out was denied");
    String denied = callOf(model.issued(), "Bash", "touch " + marker).callId();
    assertTrue(model.resultOf(denied).contains("Spend limit reached"), model.resultOf(denied));

    int before = model.exchanges().size();
    AgentRun blocked = claude.prompt("Once more [[script:again]]", "--resume", session);
    assertEquals(before, model.exchanges().size(), "the blocked prompt reached no model");
    assertTrue(blocked.toString().contains("Spend limit reached"), blocked.toString());
  }

  @Test
  void commandHooksAndProtobufTelemetryRecordTheSameSession() throws Exception {
    try (ScriptedModel model = ScriptedModel.start()) {
      model.script("short", call(bash("echo short")), say("Short done."));
      ClaudeCode claude =
          ClaudeCode.install(
                  root.resolve("command"),
                  claudeConfig,
                  "settings.command.json",
                  stored.url(),
                  model)
              .with("OTEL_EXPORTER_OTLP_PROTOCOL", "http/protobuf");
      AgentRun run = claude.prompt("Be brief [[script:short]]");
      String session = resultOf(run).path("session_id").asText();
      Map<String, JsonNode> usage =
          stored.awaitUsage(session, model.exchanges().size(), RealClaudeCodeIT::fromBothSources);
      assertEquals(requestIds(model.exchanges()), usage.keySet());
      for (Exchange exchange : model.exchanges()) {
        assertTokens(exchange.usage(), usage.get(exchange.id()));
      }
      assertEquals(callIds(model.issued()), stored.toolCalls(session).keySet());
      JsonNode recorded = stored.session(session);
      assertEquals("claude-code", recorded.path("client").asText());
      assertEquals("completed", recorded.path("status").asText());
      assertEquals(1, recorded.path("prompts").asInt());
    }
  }

  /**
   * Claude Code without hooks or telemetry: the sidecar learns of the session, its project, each
   * request (the subagent's as the subagent's) and its cost from the transcripts alone; priced by
   * our table, the cost equals what Claude Code itself reported for the same requests: for the
   * model it uses by default and for an older one.
   */
  @ParameterizedTest
  @ValueSource(strings = {DEFAULT_MODEL, "claude-sonnet-4-5"})
  void theTranscriptsAloneRecordEveryRequestOncePricedAsClaudeCodePricesThem(String priced)
      throws Exception {
    try (ScriptedModel model = ScriptedModel.start()) {
      model
          .script(
              "plain",
              call(bash("echo plain")),
              call(bash("echo failing; exit 3")),
              call(
                  new Call(
                      "Agent",
                      json(
                          "{\"description\":\"peek\",\"prompt\":\"Peek [[script:helper]]\","
                              + "\"subagent_type\":\""
                              + SUBAGENT
                              + "\",\"run_in_background\":false}"))),
              say("Plain done."))
          .script("helper", call(bash("echo helper")), say("Helper done."));
      ClaudeCode claude =
          ClaudeCode.install(
              root.resolve("plain-" + priced), claudeConfig, null, stored.url(), model);
      AgentRun run = claude.prompt("No hooks [[script:plain]]", "--model", priced);
      JsonNode result = resultOf(run);
      String session = result.path("session_id").asText();
      List<Exchange> exchanges = model.exchanges();
      Map<String, JsonNode> usage = stored.awaitUsage(session, exchanges.size());
      assertEquals(requestIds(exchanges), usage.keySet(), "each request once");
      for (Exchange exchange : exchanges) {
        JsonNode record = usage.get(exchange.id());
        assertTokens(exchange.usage(), record);
        assertEquals(priced, record.path("model").asText());
        assertEquals("estimated", record.path("cost_source").asText(), record.toString());
        String role = exchange.script().equals("helper") ? "subagent:" + SUBAGENT : "agent";
        assertEquals(role, record.path("role").asText(), record.toString());
      }
      BigDecimal reported = result.path("total_cost_usd").decimalValue();
      BigDecimal estimated = stored.cost(session);
      assertTrue(
          reported.subtract(estimated).abs().compareTo(new BigDecimal("0.0001")) <= 0,
          "Claude Code reported $" + reported + ", the sidecar estimated $" + estimated);
      JsonNode recorded = stored.session(session);
      assertEquals("claude-code", recorded.path("client").asText());
      assertEquals(claude.project().toString(), recorded.path("project").path("path").asText());
      assertToolCallsFromTranscripts(model.issued(), stored.awaitToolCalls(session));
    }
  }

  /**
   * A sidecar told of no transcript folder, fed by Claude Code's hooks alone (no telemetry): the
   * hook events name the session's transcript, which the sidecar can read (the folder is shared at
   * the same path), so every request is recorded from it with its tokens and 1-hour cache writes,
   * which hooks do not carry. The replies ran web searches, in the US only and in fast mode: the
   * cost is still Claude Code's own.
   */
  @Test
  void hooksAloneLeadTheSidecarToTheTranscript() throws Exception {
    SidecarProcess hooked = SidecarProcess.start(root.resolve("hooked-data")).awaitReady();
    try (ScriptedModel model = ScriptedModel.start()) {
      SidecarRecord record = new SidecarRecord(hooked);
      model
          .searchingInTheUs()
          .inFastMode()
          .script("hooked", call(bash("echo hooked")), say("Hooked done."));
      ClaudeCode claude =
          ClaudeCode.install(
                  root.resolve("hooked"),
                  root.resolve("hooked-config"),
                  "settings.http.json",
                  record.url(),
                  model)
              .with("CLAUDE_CODE_ENABLE_TELEMETRY", "0");
      JsonNode result = resultOf(claude.prompt("Hooks only [[script:hooked]]"));
      String session = result.path("session_id").asText();
      Map<String, JsonNode> usage = record.awaitUsage(session, model.exchanges().size());
      assertEquals(requestIds(model.exchanges()), usage.keySet(), "each request once");
      for (Exchange exchange : model.exchanges()) {
        JsonNode stored = usage.get(exchange.id());
        assertTokens(exchange.usage(), stored);
        assertEquals(model.webSearches(exchange), stored.path("web_search_requests").asLong());
        assertEquals("us", stored.path("inference_geo").asText(), stored.toString());
        assertEquals("fast", stored.path("speed").asText(), stored.toString());
      }
      assertCostEquals(result.path("total_cost_usd").decimalValue(), record.cost(session));
      assertEquals(callIds(model.issued()), record.toolCalls(session).keySet());
    } finally {
      hooked.stop();
    }
  }

  /**
   * Each call the model made, read from the transcripts alone: as {@link #assertEachCall}, and a
   * failed one with what it said, each with how long it took.
   */
  private static void assertToolCallsFromTranscripts(
      List<Issued> issued, Map<String, JsonNode> calls) {
    assertEachCall(issued, calls, "echo helper");
    for (Issued call : issued) {
      JsonNode recorded = calls.get(call.callId());
      if (failing(call)) {
        assertEquals("Exit code 3 failing", recorded.path("error").asText(), recorded.toString());
      }
      assertTrue(recorded.path("duration_ms").isIntegralNumber(), recorded.toString());
    }
  }

  /**
   * Every call the model made, once, under its id: its tool, its arguments, whether it failed (a
   * command that exits 3, a write that was denied), and the subagent that made it (the one that ran
   * {@code subagentCommand}).
   */
  private static void assertEachCall(
      List<Issued> issued, Map<String, JsonNode> calls, String subagentCommand) {
    assertEquals(callIds(issued), calls.keySet(), "every call the model made, once");
    for (Issued call : issued) {
      JsonNode recorded = calls.get(call.callId());
      assertEquals(call.tool(), recorded.path("tool").asText());
      assertEquals(call.input(), recorded.path("arguments"), recorded.toString());
      boolean denied = call.tool().equals("Write");
      assertEquals(!failing(call) && !denied, recorded.path("ok").asBoolean(), recorded.toString());
      boolean inSubagent = call.input().path("command").asText().equals(subagentCommand);
      assertEquals(inSubagent ? SUBAGENT : null, recorded.path("agent").textValue());
    }
  }

  private static boolean failing(Issued call) {
    return call.input().path("command").asText().contains("exit 3");
  }

  /**
   * ccusage, reading the folder all the sessions above were written to, counts what the sidecar
   * holds: per session and per model, every token count alike (ccusage counts input as Anthropic
   * does, without the cache), and the cost to $0.0001 wherever ccusage has a price. It runs last,
   * so that there is something to compare; the sidecar may still be reading the last lines, so the
   * figures must agree within a few seconds.
   */
  @Test
  @Order(Integer.MAX_VALUE)
  void ccusageCountsWhatTheSidecarHoldsForTheSameTranscripts() throws Exception {
    Instant deadline = Instant.now().plusSeconds(20);
    Map<String, JsonNode> report = Ccusage.claudeSessions(claudeConfig);
    List<String> differences = differences(report);
    while (!differences.isEmpty() && Instant.now().isBefore(deadline)) {
      Thread.sleep(500);
      differences = differences(report);
    }
    assertEquals(List.of(), differences, "ccusage against the sidecar");
    assertTrue(report.size() >= 4, "sessions compared: " + report.keySet());
    System.out.println("ccusage and the sidecar agree on " + report.size() + " sessions");
  }

  /** What ccusage's session report says that the sidecar's records do not, one line each. */
  private static List<String> differences(Map<String, JsonNode> report) throws Exception {
    List<String> differences = new ArrayList<>();
    for (Map.Entry<String, JsonNode> session : report.entrySet()) {
      Map<String, List<JsonNode>> byModel =
          stored.usage(session.getKey()).values().stream()
              .collect(Collectors.groupingBy(r -> r.path("model").asText()));
      for (JsonNode model : session.getValue().path("modelBreakdowns")) {
        String name = model.path("modelName").asText();
        Ccusage.Held held =
            byModel.getOrDefault(name, List.of()).stream()
                .map(Ccusage.Held::of)
                .reduce(Ccusage.Held.NONE, Ccusage.Held::plus);
        differences.addAll(
            Ccusage.differences("session " + session.getKey() + ", " + name, model, held));
      }
    }
    return differences;
  }

  @Test
  void aSidecarThatIsDownBreaksNothing() throws Exception {
    try (ScriptedModel model = ScriptedModel.start()) {
      model.script("alone", call(bash("echo alone")), say("Alone done."));
      String nobody = "http://127.0.0.1:" + SidecarProcess.freePort();
      Path down = root.resolve("down");
      ClaudeCode claude =
          ClaudeCode.install(down, down.resolve("config"), "settings.http.json", nobody, model);
      AgentRun run = claude.prompt("Work alone [[script:alone]]");
      assertEquals("success", resultOf(run).path("subtype").asText(), run.toString());
      assertEquals(2, model.exchanges().size(), "the agent went through its whole script");
      System.out.println("Claude Code with no sidecar behind its hooks: " + run.elapsed());
    }
  }

  @Test
  void theModelReadsTheCompactTextOfEveryActionOverMcp() throws Exception {
    try (ScriptedModel model = ScriptedModel.start()) {
      ClaudeCode claude =
          ClaudeCode.install(
              root.resolve("reading"), claudeConfig, "settings.http.json", stored.url(), model);
      ModelReading reading = ModelReading.script(model, "reads", ClaudeCode.MCP_TOOL, stored);
      McpTraffic traffic = McpTraffic.from(stored);
      AgentRun run = claude.prompt("Read your record [[script:reads]]");
      assertEquals(0, run.exitCode(), run.toString());
      assertEquals(ModelReading.ACTIONS.size(), reading.check("Claude Code", model).size());
      traffic.spokeTheNewestRevision("Claude Code", ModelReading.ACTIONS.size());
    }
  }

  // --- helpers

  private static Call bash(String command) {
    return new Call("Bash", json("{\"command\":\"" + command + "\",\"description\":\"run\"}"));
  }

  private static Call write(Path file) {
    return new Call("Write", json("{\"file_path\":\"" + file + "\",\"content\":\"no\"}"));
  }

  static JsonNode json(String text) {
    try {
      return JSON.readTree(text);
    } catch (java.io.IOException e) {
      throw new IllegalArgumentException(text, e);
    }
  }

  private static JsonNode resultOf(AgentRun run) {
    assertEquals(0, run.exitCode(), run.toString());
    return run.last(e -> e.path("type").asText().equals("result"));
  }

  /** Anthropic's input count leaves the cache out; the sidecar's includes it (GenAI rules). */
  private static void assertTokens(ScriptedModel.Usage sent, JsonNode record) {
    long cacheWrite = sent.cacheWrite5m() + sent.cacheWrite1h();
    assertEquals(
        sent.input() + sent.cacheRead() + cacheWrite,
        record.path("input_tokens").asLong(),
        record.toString());
    assertEquals(sent.output(), record.path("output_tokens").asLong());
    assertEquals(sent.cacheRead(), record.path("cache_read_tokens").asLong());
    assertEquals(cacheWrite, record.path("cache_write_tokens").asLong());
    assertEquals(sent.cacheWrite1h(), record.path("cache_write_1h_tokens").asLong());
  }

  /**
   * A request's record once telemetry (Claude Code's own cost) and the transcript (the 1-hour part
   * of the cache writes, which telemetry does not carry) have both been read, in either order.
   */
  private static boolean fromBothSources(JsonNode record) {
    return record.path("cost_source").asText().equals("reported")
        && record.path("cache_write_1h_tokens").isIntegralNumber();
  }

  private static void assertCostEquals(BigDecimal reported, BigDecimal recorded) {
    assertTrue(
        reported.subtract(recorded).abs().compareTo(new BigDecimal("0.000000001")) < 0,
        "Claude Code reported " + reported + ", the sidecar holds " + recorded);
  }

  private static Set<String> callIds(List<Issued> calls) {
    return calls.stream().map(Issued::callId).collect(Collectors.toSet());
  }

  private static Set<String> requestIds(List<Exchange> exchanges) {
    return exchanges.stream().map(Exchange::id).collect(Collectors.toSet());
  }

  private static Issued callOf(List<Issued> issued, String tool, String... command) {
    return issued.stream()
        .filter(c -> c.tool().equals(tool))
        .filter(c -> command.length == 0 || c.input().path("command").asText().equals(command[0]))
        .findFirst()
        .orElseThrow();
  }
}
