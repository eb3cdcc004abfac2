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
 * {@code token_count} events repeat the same figures and are not counted again. The {@code
 * function_call} and {@code function_call_output} items are the session's tool calls.
 */
final class CodexRollout implements LineReader {

  private String sessionId;
  private String cwd;
  private String model;
  private final CodexToolCalls toolCalls = new CodexToolCalls();

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
        return Optional.of(request(line, payload));
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

  private TranscriptEntry request(JsonNode line, JsonNode payload) {
    if (sessionId == null || model == null) {
      throw new IllegalArgumentException("a response before the session's meta or model");
    }
    JsonNode usage = payload.path("usage");
    if (!usage.isObject()) {
      throw new IllegalArgumentException("usage is missing");
    }
    RecordUsageRequest request =
        new RecordUsageRequest(
            text(payload, "response_id"),
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
            null);
    return TranscriptEntry.ofUsage(cwd, request);
  }
}
