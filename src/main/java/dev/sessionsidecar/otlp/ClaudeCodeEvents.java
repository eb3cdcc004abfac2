package dev.sessionsidecar.otlp;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.sessionsidecar.session.RecordToolCallRequest;
import dev.sessionsidecar.usage.RecordUsageRequest;
import io.opentelemetry.proto.logs.v1.LogRecord;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;

/**
 * Claude Code's telemetry events: {@code claude_code.api_request} is an LLM call (model, tokens
 * with the cache counted apart, cost, duration) and {@code claude_code.tool_result} a tool call,
 * both of the session named by {@code session.id}; {@code claude_code.api_error} is a failed LLM
 * call; {@code claude_code.user_prompt} a prompt. Requests of a subagent carry its role. The
 * provider's {@code request_id}, when the event carries it, is the record's request id; otherwise a
 * hash of the record's bytes is: an exporter's retry sends the same bytes and counts once.
 */
final class ClaudeCodeEvents {

  private static final Set<String> API_REQUEST = Set.of("claude_code.api_request", "api_request");
  private static final Set<String> API_ERROR = Set.of("claude_code.api_error", "api_error");
  private static final Set<String> TOOL_RESULT = Set.of("claude_code.tool_result", "tool_result");
  private static final Set<String> USER_PROMPT = Set.of("claude_code.user_prompt", "user_prompt");

  /** The client of sessions that Claude Code's hooks started. */
  static final String HOOK_CLIENT = "claude-code";

  private final ObjectMapper mapper;

  ClaudeCodeEvents(ObjectMapper mapper) {
    this.mapper = mapper;
  }

  Optional<Mapped> map(LogRecord log, Attributes a) {
    String name = LogRecords.name(log, a);
    if (name == null) {
      return Optional.empty();
    }
    String session = a.text("session.id");
    Instant at = LogRecords.time(log, a);
    Long duration = a.number("duration_ms");
    if (API_REQUEST.contains(name)) {
      return Optional.of(new Mapped.Usage(session, apiRequest(log, a, at, duration)));
    }
    if (API_ERROR.contains(name)) {
      return Optional.of(new Mapped.Usage(session, apiError(log, a, at, duration)));
    }
    if (USER_PROMPT.contains(name)) {
      return Optional.of(new Mapped.Prompt(session, HOOK_CLIENT));
    }
    if (TOOL_RESULT.contains(name)) {
      RecordToolCallRequest call = toolResult(log, a, at, duration);
      return Optional.of(
          a.text("tool_use_id") != null
              ? new Mapped.ToolUse(session, call)
              : new Mapped.UnmatchedToolUse(session, call, HOOK_CLIENT));
    }
    return Optional.empty();
  }

  /** An {@code api_request} event as a usage record, idempotent by a hash of the log record. */
  private static RecordUsageRequest apiRequest(
      LogRecord log, Attributes a, Instant at, Long duration) {
    Tokens tokens =
        Tokens.of(
            a.number("input_tokens"),
            a.number("output_tokens"),
            a.number("cache_read_tokens"),
            a.number("cache_creation_tokens"),
            true);
    BigDecimal cost = a.decimal("cost_usd");
    return new UsageDraft(
            requestId(log, a),
            "anthropic",
            OtlpText.cut(GenAiSpans.orElse(a.text("model"), "unknown"), 200),
            tokens)
        .costUsd(
            cost == null ? null : cost.setScale(Math.min(cost.scale(), 10), RoundingMode.HALF_UP))
        .role(subagent(a))
        .latencyMs(duration)
        .createdAt(at)
        .request();
  }

  /**
   * The role of a request a subagent made: {@code subagent:<agent.name>} (Claude Code names the
   * subagent's type there, e.g. general-purpose); null for the main agent.
   */
  private static String subagent(Attributes a) {
    String agent = a.text("agent.name");
    return agent == null ? null : GenAiSpans.role("subagent:" + agent);
  }

  /** An {@code api_error} event as a failed call of no tokens, with the error and status. */
  private static RecordUsageRequest apiError(
      LogRecord log, Attributes a, Instant at, Long duration) {
    String status = a.text("status_code");
    String error = GenAiSpans.orElse(a.text("error"), "failed");
    return new UsageDraft(
            requestId(log, a),
            "anthropic",
            OtlpText.cut(GenAiSpans.orElse(a.text("model"), "unknown"), 200),
            Tokens.of(0L, 0L, null, null, false))
        .role(subagent(a))
        .outcome(false, OtlpText.cut(status == null ? error : status + " " + error, 4000))
        .latencyMs(duration)
        .createdAt(at)
        .request();
  }

  /** The provider's request id when the event names it, else a hash of the record's bytes. */
  private static String requestId(LogRecord log, Attributes a) {
    String provider = OtlpText.id("request_id", a.text("request_id"));
    return provider != null ? provider : LogRecords.fallbackId(log);
  }

  /** A {@code tool_result} event as a tool call, by its {@code tool_use_id} when it has one. */
  private RecordToolCallRequest toolResult(LogRecord log, Attributes a, Instant at, Long duration) {
    boolean ok = !"false".equalsIgnoreCase(a.text("success"));
    String callId = OtlpText.id("tool_use_id", a.text("tool_use_id"));
    return new RecordToolCallRequest(
        callId != null ? callId : LogRecords.fallbackId(log),
        OtlpText.cut(GenAiSpans.orElse(a.text("tool_name"), "unknown"), 200),
        OtlpText.json(a.text("tool_parameters"), mapper),
        ok,
        ok ? null : OtlpText.cut(GenAiSpans.orElse(a.text("error"), "failed"), 4000),
        null,
        duration,
        at,
        OtlpText.cut(a.text("agent_type", "agent_id"), 200),
        OtlpText.cut(a.text("prompt.id", "prompt_id"), 200));
  }
}
