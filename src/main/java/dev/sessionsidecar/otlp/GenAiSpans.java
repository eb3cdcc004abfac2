package dev.sessionsidecar.otlp;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.google.protobuf.ByteString;
import dev.sessionsidecar.session.RecordToolCallRequest;
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

  private final ObjectMapper mapper;

  GenAiSpans(ObjectMapper mapper) {
    this.mapper = mapper;
  }

  Optional<Mapped> map(Span span, Attributes a) {
    String operation = a.text("gen_ai.operation.name");
    if (operation == null) {
      return Optional.empty();
    }
    String session = a.text("gen_ai.conversation.id", "session.id");
    Instant start = nanos(span.getStartTimeUnixNano());
    Long durationMs =
        span.getEndTimeUnixNano() >= span.getStartTimeUnixNano() && span.getEndTimeUnixNano() > 0
            ? (span.getEndTimeUnixNano() - span.getStartTimeUnixNano()) / 1_000_000
            : null;
    boolean failed = span.getStatus().getCode() == Status.StatusCode.STATUS_CODE_ERROR;
    String error = failed ? errorOf(span, a) : null;
    if (operation.equals("execute_tool")) {
      String callId = a.text("gen_ai.tool.call.id");
      return Optional.of(
          new Mapped.ToolUse(
              session,
              new RecordToolCallRequest(
                  OtlpText.cut(callId != null ? callId : id(span), 200),
                  OtlpText.cut(orElse(a.text("gen_ai.tool.name"), span.getName()), 200),
                  OtlpText.json(a.text("gen_ai.tool.call.arguments"), mapper),
                  !failed,
                  error,
                  OtlpText.cut(a.text("gen_ai.tool.call.result"), 2000),
                  durationMs,
                  start)));
    }
    Long input = a.number("gen_ai.usage.input_tokens");
    Long output = a.number("gen_ai.usage.output_tokens");
    if (input == null && output == null) {
      return Optional.empty();
    }
    ObjectNode record = mapper.createObjectNode();
    record.put("request_id", id(span));
    record.put(
        "provider",
        OtlpText.cut(orElse(a.text("gen_ai.provider.name", "gen_ai.system"), "unknown"), 100));
    record.put(
        "model",
        OtlpText.cut(
            orElse(a.text("gen_ai.response.model", "gen_ai.request.model"), "unknown"), 200));
    Tokens.put(
        record,
        input,
        output,
        a.number("gen_ai.usage.cache_read.input_tokens", "gen_ai.usage.cache_read_input_tokens"),
        a.number(
            "gen_ai.usage.cache_creation.input_tokens", "gen_ai.usage.cache_creation_input_tokens"),
        false);
    if (durationMs != null) {
      record.put("latency_ms", durationMs);
    }
    record.put("ok", !failed);
    if (error != null) {
      record.put("error", error);
    }
    if (start != null) {
      record.put("created_at", start.toString());
    }
    return Optional.of(new Mapped.Usage(session, record));
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
