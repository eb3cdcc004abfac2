package dev.sessionsidecar.transcript;

import static dev.sessionsidecar.transcript.TranscriptFields.count;
import static dev.sessionsidecar.transcript.TranscriptFields.object;
import static dev.sessionsidecar.transcript.TranscriptFields.text;
import static dev.sessionsidecar.transcript.TranscriptFields.timestamp;

import com.fasterxml.jackson.databind.JsonNode;
import dev.sessionsidecar.usage.RecordUsageRequest;
import java.util.Optional;

/**
 * One line of a Claude Code transcript, as far as the sidecar keeps it: an {@code assistant} line
 * is one content block of an API response, and carries that response's usage, request id, session
 * and working directory. Every other entry type is not ours to read and is passed over; the text of
 * messages is never kept.
 */
final class ClaudeCodeLine {

  /** The model Claude Code names for messages it wrote itself (no API request was made). */
  private static final String SYNTHETIC = "<synthetic>";

  /**
   * The request a line reports, or empty for a line that reports none; a line that claims to (an
   * {@code assistant} line with usage) but is malformed is an {@link IllegalArgumentException}.
   */
  private ClaudeCodeLine() {}

  static Optional<TranscriptRequest> read(JsonNode line, String role) {
    JsonNode message = object(line).path("message");
    JsonNode usage = message.path("usage");
    if (!"assistant".equals(line.path("type").asText()) || !usage.isObject()) {
      return Optional.empty();
    }
    if (SYNTHETIC.equals(text(message, "model"))) {
      return Optional.empty();
    }
    RecordUsageRequest request = request(line, message, usage, role);
    return Optional.of(new TranscriptRequest(request.sessionId(), text(line, "cwd"), request));
  }

  /**
   * The request in OpenTelemetry's terms: Anthropic's input count leaves cache reads and writes
   * out, ours includes them. Keyed by the API's request id (as telemetry keys it), else the message
   * id.
   */
  private static RecordUsageRequest request(
      JsonNode line, JsonNode message, JsonNode usage, String role) {
    String requestId =
        line.path("requestId").isTextual() ? line.get("requestId").asText() : text(message, "id");
    long input = count(usage, "input_tokens");
    long cacheWrite = count(usage, "cache_creation_input_tokens");
    long cacheRead = count(usage, "cache_read_input_tokens");
    JsonNode split = usage.path("cache_creation");
    Long oneHour = split.isObject() ? count(split, "ephemeral_1h_input_tokens") : null;
    return new RecordUsageRequest(
        requestId,
        text(line, "sessionId"),
        "anthropic",
        text(message, "model"),
        role,
        input + cacheWrite + cacheRead,
        count(usage, "output_tokens"),
        cacheRead,
        cacheWrite,
        oneHour,
        null,
        null,
        null,
        true,
        null,
        timestamp(line));
  }
}
