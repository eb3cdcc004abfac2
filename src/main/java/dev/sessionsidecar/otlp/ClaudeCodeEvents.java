package dev.sessionsidecar.otlp;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sessionsidecar.session.RecordToolCallRequest;
import io.opentelemetry.proto.logs.v1.LogRecord;
import java.math.BigDecimal;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Optional;
import java.util.Set;

/**
 * Claude Code's telemetry events: {@code claude_code.api_request} is an LLM call (model, tokens
 * with the cache counted apart, cost, duration) and {@code claude_code.tool_result} a tool call,
 * both of the session named by {@code session.id}. A record has no ids of its own, so its request
 * id is a hash of its bytes: an exporter's retry sends the same bytes and counts once.
 */
final class ClaudeCodeEvents {

  private static final Set<String> API_REQUEST = Set.of("claude_code.api_request", "api_request");
  private static final Set<String> TOOL_RESULT = Set.of("claude_code.tool_result", "tool_result");

  private final ObjectMapper mapper;

  ClaudeCodeEvents(ObjectMapper mapper) {
    this.mapper = mapper;
  }

  Optional<Mapped> map(LogRecord log, Attributes a) {
    String name = !log.getEventName().isEmpty() ? log.getEventName() : a.text("event.name");
    if (name == null) {
      return Optional.empty();
    }
    String session = a.text("session.id");
    Instant at = time(log, a);
    Long duration = a.number("duration_ms");
    if (API_REQUEST.contains(name)) {
      ObjectNode record = mapper.createObjectNode();
      record.put("request_id", "otlp-log-" + hash(log));
      record.put("provider", "anthropic");
      record.put("model", OtlpText.cut(GenAiSpans.orElse(a.text("model"), "unknown"), 200));
      Tokens.put(
          record,
          a.number("input_tokens"),
          a.number("output_tokens"),
          a.number("cache_read_tokens"),
          a.number("cache_creation_tokens"),
          true);
      BigDecimal cost = a.decimal("cost_usd");
      if (cost != null && cost.signum() >= 0) {
        record.put(
            "cost_usd", cost.setScale(Math.min(cost.scale(), 10), java.math.RoundingMode.HALF_UP));
      }
      if (duration != null) {
        record.put("latency_ms", duration);
      }
      if (at != null) {
        record.put("created_at", at.toString());
      }
      return Optional.of(new Mapped.Usage(session, record));
    }
    if (TOOL_RESULT.contains(name)) {
      boolean ok = !"false".equalsIgnoreCase(a.text("success"));
      String callId = a.text("tool_use_id");
      return Optional.of(
          new Mapped.ToolUse(
              session,
              new RecordToolCallRequest(
                  OtlpText.cut(callId != null ? callId : "otlp-log-" + hash(log), 200),
                  OtlpText.cut(GenAiSpans.orElse(a.text("tool_name"), "unknown"), 200),
                  OtlpText.json(a.text("tool_parameters"), mapper),
                  ok,
                  ok ? null : OtlpText.cut(GenAiSpans.orElse(a.text("error"), "failed"), 4000),
                  null,
                  duration,
                  at)));
    }
    return Optional.empty();
  }

  private static Instant time(LogRecord log, Attributes a) {
    String stamp = a.text("event.timestamp");
    if (stamp != null) {
      try {
        return Instant.parse(stamp);
      } catch (java.time.format.DateTimeParseException notIso) {
        // fall back to the record's own time
      }
    }
    Instant at = GenAiSpans.nanos(log.getTimeUnixNano());
    return at != null ? at : GenAiSpans.nanos(log.getObservedTimeUnixNano());
  }

  private static String hash(LogRecord log) {
    try {
      byte[] digest = MessageDigest.getInstance("SHA-256").digest(log.toByteArray());
      return HexFormat.of().formatHex(digest, 0, 16);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is always available", e);
    }
  }
}
