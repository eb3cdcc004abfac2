package dev.sessionsidecar.otlp;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.sessionsidecar.session.RecordToolCallRequest;
import dev.sessionsidecar.usage.RecordUsageRequest;
import io.opentelemetry.proto.logs.v1.LogRecord;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;

/**
 * OpenAI Codex CLI's telemetry events, all of the session {@code conversation.id}: a {@code
 * codex.sse_event} (or {@code codex.websocket_event}, its WebSocket transport) of kind {@code
 * response.completed} is an LLM call with token counts and no cost (estimated from the price
 * table), keyed by {@code response.id} when present; {@code codex.tool_result} is a tool call.
 */
final class CodexEvents {

  private static final Set<String> RESPONSE = Set.of("codex.sse_event", "codex.websocket_event");
  private static final String TOOL_RESULT = "codex.tool_result";
  private static final String COMPLETED = "response.completed";

  private final ObjectMapper mapper;

  CodexEvents(ObjectMapper mapper) {
    this.mapper = mapper;
  }

  Optional<Mapped> map(LogRecord log, Attributes a) {
    String name = LogRecords.name(log, a);
    if (name == null) {
      return Optional.empty();
    }
    String session = a.text("conversation.id");
    Instant at = LogRecords.time(log, a);
    if (RESPONSE.contains(name) && COMPLETED.equals(a.text("event.kind"))) {
      return Optional.of(new Mapped.Usage(session, response(log, a, at)));
    }
    if (name.equals(TOOL_RESULT)) {
      return Optional.of(new Mapped.ToolUse(session, toolResult(log, a, at)));
    }
    return Optional.empty();
  }

  /** A completed response: cached input is part of the input count, reasoning of the output. */
  private static RecordUsageRequest response(LogRecord log, Attributes a, Instant at) {
    String responseId = OtlpText.cut(a.text("response.id", "response_id"), 200);
    Tokens tokens =
        Tokens.of(
            a.number("input_token_count"),
            a.number("output_token_count"),
            a.number("cached_token_count"),
            null,
            false);
    return new UsageDraft(
            responseId != null ? responseId : LogRecords.fallbackId(log),
            "openai",
            OtlpText.cut(GenAiSpans.orElse(a.text("model", "slug"), "unknown"), 200),
            tokens)
        .reasoningTokens(a.number("reasoning_token_count"))
        .latencyMs(a.number("duration_ms"))
        .createdAt(at)
        .request();
  }

  /** A tool result, by its {@code call_id} when it has one. */
  private RecordToolCallRequest toolResult(LogRecord log, Attributes a, Instant at) {
    boolean ok = !"false".equalsIgnoreCase(a.text("success"));
    String callId = a.text("call_id");
    return new RecordToolCallRequest(
        OtlpText.cut(callId != null ? callId : LogRecords.fallbackId(log), 200),
        OtlpText.cut(GenAiSpans.orElse(a.text("tool_name"), "unknown"), 200),
        OtlpText.json(a.text("arguments"), mapper),
        ok,
        ok ? null : OtlpText.cut(GenAiSpans.orElse(a.text("output"), "failed"), 4000),
        ok ? OtlpText.cut(a.text("output"), 2000) : null,
        a.number("duration_ms"),
        at,
        null,
        null);
  }
}
