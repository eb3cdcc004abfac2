package dev.sessionsidecar.hook;

import com.fasterxml.jackson.databind.JsonNode;
import dev.sessionsidecar.platform.ApiException;
import dev.sessionsidecar.platform.PlainText;
import dev.sessionsidecar.platform.Timestamps;
import dev.sessionsidecar.session.CommandExit;
import dev.sessionsidecar.session.RecordToolCallRequest;
import dev.sessionsidecar.session.ToolCallService;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Tool calls from hook events: PreToolUse notes the start, PostToolUse(Failure) records the call,
 * and PostToolBatch records the calls of a batch that no PostToolUse reported, all keyed by
 * tool_use_id so that a call is stored once whichever events carry it.
 */
@ApplicationScoped
class HookToolCalls {

  /** What a batch-only call is called when its entry says nothing about why it did not run. */
  static final String NOT_RUN = "denied or blocked before it ran (reported only by PostToolBatch)";

  /** A batch is one model turn's parallel calls: far fewer than this. */
  static final int MAX_BATCH = 500;

  private final ToolCallService toolCalls;
  private final PendingToolUses pending;
  private final Timestamps time;
  private final HookChecks checks;

  HookToolCalls(
      ToolCallService toolCalls, PendingToolUses pending, Timestamps time, HookChecks checks) {
    this.toolCalls = toolCalls;
    this.pending = pending;
    this.time = time;
    this.checks = checks;
  }

  /** A PreToolUse: the call's start, kept until its PostToolUse (its id checked as that one's). */
  void announced(HookEvent event) {
    String toolUseId = event.text("tool_use_id");
    if (toolUseId != null) {
      checks.valid(request(event, true, null, null, null, null));
      pending.started(toolUseId, time.now());
    }
  }

  /**
   * A PostToolUse (ok) or PostToolUseFailure (not ok). Codex has no failure event: a command that
   * exited non-zero arrives as a PostToolUse whose output may say so ({@link CommandExit}).
   */
  void finished(HookEvent event, String sessionId, boolean ok) {
    JsonNode response = event.node("tool_response");
    String exitFailure =
        ok && response != null && response.isTextual()
            ? CommandExit.failureOf(response.asText())
            : null;
    boolean succeeded = ok && exitFailure == null;
    String error =
        ok ? PlainText.oneLine(exitFailure, RecordToolCallRequest.MAX_ERROR) : errorOf(event);
    RecordToolCallRequest call =
        request(event, succeeded, error, agentOf(event), event.text("prompt_id"), startOf(event));
    toolCalls.record(sessionId, checks.valid(call));
  }

  /**
   * A PostToolBatch: Claude Code sends it after the PostToolUse hooks of the batch have returned,
   * so an entry whose tool_use_id is not recorded yet is a call that never ran to a result: denied
   * at the permission prompt or blocked by the sandbox. It is recorded as failed, with the entry's
   * response as the reason. Entries without a tool_use_id cannot be matched and are skipped.
   */
  void batch(HookEvent event, String sessionId, List<HookEvent> entries) {
    String agent = agentOf(event);
    String promptId = event.text("prompt_id");
    List<RecordToolCallRequest> calls = new ArrayList<>();
    for (int i = 0; i < entries.size(); i++) {
      HookEvent call = entries.get(i);
      if (call.text("tool_use_id") != null) {
        RecordToolCallRequest request =
            request(call, false, notRunReason(call), agent, promptId, startOf(call));
        calls.add(checks.valid(request, "tool_calls[" + i + "]."));
      }
    }
    calls.forEach(call -> toolCalls.recordIfNew(sessionId, call));
  }

  /**
   * The entries of a PostToolBatch, checked before anything is written: a 400 names the bad one.
   */
  static List<HookEvent> batchEntries(HookEvent event) {
    JsonNode calls = event.node("tool_calls");
    if (calls == null || calls.isNull()) {
      return List.of();
    }
    if (!calls.isArray()) {
      throw ApiException.invalidArgument(
          "tool_calls", "must be an array of {tool_name, tool_input, tool_use_id, tool_response}");
    }
    if (calls.size() > MAX_BATCH) {
      throw ApiException.invalidArgument(
          "tool_calls", "has " + calls.size() + " entries; at most " + MAX_BATCH);
    }
    List<HookEvent> entries = new ArrayList<>();
    for (int i = 0; i < calls.size(); i++) {
      if (!calls.get(i).isObject()) {
        throw ApiException.invalidArgument("tool_calls[" + i + "]", "must be a JSON object");
      }
      entries.add(new HookEvent(calls.get(i), event.client()));
    }
    return entries;
  }

  /** When the call's PreToolUse announced it, if it did; forgotten once asked for. */
  private Instant startOf(HookEvent call) {
    String toolUseId = call.text("tool_use_id");
    return toolUseId == null ? null : pending.finished(toolUseId);
  }

  /** The call a tool event describes, its duration from the event or from its start. */
  private RecordToolCallRequest request(
      HookEvent call, boolean ok, String error, String agent, String promptId, Instant started) {
    String toolUseId = call.text("tool_use_id");
    Long duration = call.number("duration_ms");
    if (duration == null && started != null) {
      duration = Duration.between(started, time.now()).toMillis();
    }
    String tool = call.text("tool_name");
    return new RecordToolCallRequest(
        toolUseId,
        tool == null ? "unknown" : tool,
        call.node("tool_input"),
        ok,
        error,
        ok ? call.summary("tool_response", RecordToolCallRequest.MAX_RESULT) : null,
        duration,
        started,
        agent,
        promptId);
  }

  private static String notRunReason(HookEvent call) {
    String said = call.summary("error", RecordToolCallRequest.MAX_ERROR);
    if (said == null) {
      said = call.summary("tool_response", RecordToolCallRequest.MAX_ERROR);
    }
    return said == null ? NOT_RUN : said;
  }

  /** The subagent an event came from (its type, else its id); null for the main agent. */
  private static String agentOf(HookEvent event) {
    String type = event.text("agent_type");
    return type != null ? type : event.text("agent_id");
  }

  private static String errorOf(HookEvent event) {
    String error = event.summary("error", RecordToolCallRequest.MAX_ERROR);
    JsonNode interrupted = event.node("is_interrupt");
    if (interrupted != null && interrupted.asBoolean()) {
      return error == null ? "interrupted" : "interrupted: " + error;
    }
    return error == null ? "failed" : error;
  }
}
