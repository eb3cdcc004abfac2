package dev.sessionsidecar.transcript;

import static dev.sessionsidecar.transcript.TranscriptFields.count;
import static dev.sessionsidecar.transcript.TranscriptFields.object;
import static dev.sessionsidecar.transcript.TranscriptFields.text;
import static dev.sessionsidecar.transcript.TranscriptFields.timestamp;

import com.fasterxml.jackson.databind.JsonNode;
import dev.sessionsidecar.session.ReportedToolCall;
import dev.sessionsidecar.usage.RecordUsageRequest;
import java.util.List;
import java.util.Optional;

/**
 * One Codex CLI rollout file, read in order. {@code session_meta} names the session and its working
 * directory, {@code turn_context} the model of the turns that follow, and each {@code
 * token_usage_record} (Codex 0.171.0) is one response, keyed by its {@code response_id}, with
 * OpenAI's counts: input includes the cached part, output the reasoning part, as in ours. The
 * {@code token_count} events repeat the same figures and are not counted again, unless the file has
 * no such records (Codex before 0.171), when each is a response. The {@code function_call} and
 * {@code function_call_output} items are the session's tool calls.
 */
final class CodexRollout implements LineReader {

  private String sessionId;
  private String cwd;
  private String model;
  private final CodexToolCalls toolCalls = new CodexToolCalls();

  /** Whether the file has {@code token_usage_record} lines, which make its token counts repeats. */
  private boolean hasResponseRecords;

  @Override
  public boolean needsEarlierLines() {
    return true;
  }

  @Override
  public Optional<TranscriptEntry> read(JsonNode line) {
    JsonNode payload = object(line).path("payload");
    switch (line.path("type").asText()) {
      case "session_meta" -> {
        sessionId = text(payload, "id");
        cwd = text(payload, "cwd");
      }
      case "turn_context" -> model = text(payload, "model");
      case "token_usage_record" -> {
        hasResponseRecords = true;
        return Optional.of(request(line, text(payload, "response_id"), payload.path("usage")));
      }
      case "event_msg" -> {
        return payload.path("type").asText().equals("token_count") && !hasResponseRecords
            ? tokenCount(line, payload.path("info"))
            : Optional.empty();
      }
      case "response_item" -> {
        return toolCall(line, payload);
      }
      default -> {
        // Not ours to read: the other events.
      }
    }
    return Optional.empty();
  }

  /** A tool call's start or result; nothing for the other items (messages, reasoning). */
  private Optional<TranscriptEntry> toolCall(JsonNode line, JsonNode item) {
    ReportedToolCall call =
        switch (item.path("type").asText()) {
          case "function_call" -> toolCalls.started(session(), line, item);
          case "function_call_output" -> toolCalls.finished(session(), line, item);
          default -> null;
        };
    return call == null
        ? Optional.empty()
        : Optional.of(new TranscriptEntry(call.sessionId(), cwd, null, List.of(call)));
  }

  private String session() {
    if (sessionId == null) {
      throw new IllegalArgumentException("an item before the session's meta");
    }
    return sessionId;
  }

  /**
   * A response as Codex before 0.171 wrote it, a {@code token_count} event alone: its {@code
   * last_token_usage}, keyed by the session and the running total after it ({@code
   * total_token_usage}), which only a new response raises, so the event Codex repeats with the same
   * total is the same response. An event without usage (rate limits only) is no response.
   */
  private Optional<TranscriptEntry> tokenCount(JsonNode line, JsonNode info) {
    if (!info.isObject()) {
      return Optional.empty();
    }
    JsonNode total = info.path("total_token_usage");
    if (!total.isObject()) {
      throw new IllegalArgumentException("total_token_usage is missing");
    }
    long runningTotal = count(total, "input_tokens") + count(total, "output_tokens");
    String key = "codex-total:" + session() + ":" + runningTotal;
    return Optional.of(request(line, key, info.path("last_token_usage")));
  }

  private TranscriptEntry request(JsonNode line, String requestId, JsonNode usage) {
    if (sessionId == null || model == null) {
      throw new IllegalArgumentException("a response before the session's meta or model");
    }
    if (!usage.isObject()) {
      throw new IllegalArgumentException("usage is missing");
    }
    RecordUsageRequest request =
        new RecordUsageRequest(
            requestId,
            sessionId,
            "openai",
            model,
            null,
            count(usage, "input_tokens"),
            count(usage, "output_tokens"),
            count(usage, "cached_input_tokens"),
            count(usage, "cache_write_input_tokens"),
            null,
            count(usage, "reasoning_output_tokens"),
            null,
            null,
            true,
            null,
            timestamp(line),
            null,
            null,
            null);
    return TranscriptEntry.ofUsage(cwd, request);
  }
}
