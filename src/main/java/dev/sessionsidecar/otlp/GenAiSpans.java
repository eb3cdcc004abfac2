package dev.sessionsidecar.otlp;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.google.protobuf.ByteString;
import dev.sessionsidecar.session.RecordToolCallRequest;
import dev.sessionsidecar.usage.RecordUsageRequest;
import io.opentelemetry.proto.trace.v1.Span;
import io.opentelemetry.proto.trace.v1.Status;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Optional;

/**
 * Spans that follow the OpenTelemetry GenAI conventions: an {@code execute_tool} span is a tool
 * call; any other span with a {@code gen_ai.operation.name} and token counts is an LLM call. Its
 * request id is the trace id and span id, so a batch sent again counts once.
 */
final class GenAiSpans {

  /** The {@code service.name} Claude Code's telemetry carries. */
  static final String CLAUDE_CODE = "claude-code";

  private final ObjectMapper mapper;

  GenAiSpans(ObjectMapper mapper) {
    this.mapper = mapper;
  }

  Optional<Mapped> map(Span span, Attributes a) {
    String operation = a.text("gen_ai.operation.name");
    if (operation == null || fromAgentWithEvents(a.text("service.name"))) {
      return Optional.empty();
    }
    String session = a.text("gen_ai.conversation.id", "session.id");
    Long durationMs = durationMs(span);
    boolean failed = span.getStatus().getCode() == Status.StatusCode.STATUS_CODE_ERROR;
    String error = failed ? errorOf(span, a) : null;
    if (operation.equals("execute_tool")) {
      return Optional.of(new Mapped.ToolUse(session, toolCall(span, a, durationMs, error)));
    }
    try {
      return usage(span, a, durationMs, error).map(u -> new Mapped.Usage(session, u));
    } catch (IllegalArgumentException disagreeing) {
      return Optional.of(
          new Mapped.Rejected(session, "span " + id(span) + ": " + disagreeing.getMessage()));
    }
  }

  /** An LLM call span with token counts as a usage record; its request id is the span's. */
  private static Optional<RecordUsageRequest> usage(
      Span span, Attributes a, Long durationMs, String error) {
    Long input = a.number("gen_ai.usage.input_tokens");
    Long output = a.number("gen_ai.usage.output_tokens");
    if (input == null && output == null) {
      return Optional.empty();
    }
    Tokens tokens =
        Tokens.of(
            input,
            output,
            a.agreed(
                "gen_ai.usage.cache_read.input_tokens", "gen_ai.usage.cache_read_input_tokens"),
            a.agreed(
                "gen_ai.usage.cache_write.input_tokens",
                "gen_ai.usage.cache_creation.input_tokens",
                "gen_ai.usage.cache_creation_input_tokens"),
            false);
    String provider = orElse(a.text("gen_ai.provider.name", "gen_ai.system"), "unknown");
    String model = orElse(a.text("gen_ai.response.model", "gen_ai.request.model"), "unknown");
    return Optional.of(
        new UsageDraft(id(span), OtlpText.cut(provider, 100), OtlpText.cut(model, 200), tokens)
            .role(role(a.text("gen_ai.agent.name", "gen_ai.agent.id")))
            .reasoningTokens(a.number("gen_ai.usage.reasoning.output_tokens"))
            .latencyMs(durationMs)
            .outcome(error == null, error)
            .createdAt(nanos(span.getStartTimeUnixNano()))
            .request());
  }

  /** An agent's name as a usage role: letters, digits and _ . : / - only, at most 100. */
  static String role(String agent) {
    return RecordUsageRequest.roleNamed(agent);
  }

  /**
   * Claude Code's and Codex's calls and tool uses are recorded from their events (logs); their
   * traces describe the same calls again and would count them twice.
   */
  private static boolean fromAgentWithEvents(String service) {
    return service != null && (service.equals(CLAUDE_CODE) || service.startsWith("codex"));
  }

  private static Long durationMs(Span span) {
    long start = span.getStartTimeUnixNano();
    long end = span.getEndTimeUnixNano();
    return end >= start && end > 0 ? (end - start) / 1_000_000 : null;
  }

  /** An {@code execute_tool} span as a tool call; its id is the span's when it names none. */
  private RecordToolCallRequest toolCall(Span span, Attributes a, Long durationMs, String error) {
    String callId = a.text("gen_ai.tool.call.id");
    return new RecordToolCallRequest(
        OtlpText.cut(callId != null ? callId : id(span), 200),
        OtlpText.cut(orElse(a.text("gen_ai.tool.name"), span.getName()), 200),
        OtlpText.json(a.text("gen_ai.tool.call.arguments"), mapper),
        error == null,
        error,
        OtlpText.cut(a.text("gen_ai.tool.call.result"), 2000),
        durationMs,
        nanos(span.getStartTimeUnixNano()),
        role(a.text("gen_ai.agent.name", "gen_ai.agent.id")),
        null);
  }

  private static String errorOf(Span span, Attributes a) {
    String message = span.getStatus().getMessage();
    return OtlpText.cut(!message.isEmpty() ? message : orElse(a.text("error.type"), "error"), 4000);
  }

  /** The trace id and span id in hex: unique per span, the same when a batch is sent again. */
  static String id(Span span) {
    return hex(span.getTraceId()) + "-" + hex(span.getSpanId());
  }

  private static String hex(ByteString bytes) {
    return HexFormat.of().formatHex(bytes.toByteArray());
  }

  static Instant nanos(long unixNanos) {
    return unixNanos <= 0 ? null : Instant.ofEpochSecond(0, unixNanos);
  }

  static String orElse(String value, String fallback) {
    return value != null ? value : fallback;
  }
}
