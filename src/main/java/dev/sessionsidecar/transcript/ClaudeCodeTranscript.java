package dev.sessionsidecar.transcript;

import static dev.sessionsidecar.transcript.TranscriptFields.count;
import static dev.sessionsidecar.transcript.TranscriptFields.object;
import static dev.sessionsidecar.transcript.TranscriptFields.text;
import static dev.sessionsidecar.transcript.TranscriptFields.timestamp;

import com.fasterxml.jackson.databind.JsonNode;
import dev.sessionsidecar.session.ReportedToolCall;
import dev.sessionsidecar.usage.RecordUsageRequest;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * One Claude Code transcript file, read in order. An {@code assistant} line is one content block of
 * an API response and carries that response's usage, request id, session and working directory; a
 * {@code tool_use} block starts a tool call and a {@code user} line's {@code tool_result} block
 * finishes it. Every other entry type is not ours to read and is passed over; the text of messages
 * is never kept.
 */
final class ClaudeCodeTranscript implements LineReader {

  /** The model Claude Code names for messages it wrote itself (no API request was made). */
  private static final String SYNTHETIC = "<synthetic>";

  private static final Pattern GEO = Pattern.compile("[a-z0-9_-]{1,32}");

  private final String role;
  private final ClaudeCodeToolCalls toolCalls;

  /** A file of {@code role}'s lines: {@code agent}, or {@code subagent[:<type>]}. */
  ClaudeCodeTranscript(String role) {
    this.role = role;
    this.toolCalls = new ClaudeCodeToolCalls(role);
  }

  @Override
  public Optional<TranscriptEntry> read(JsonNode line) {
    String type = object(line).path("type").asText();
    JsonNode message = line.path("message");
    if (!type.equals("assistant") && !type.equals("user") || !message.isObject()) {
      return Optional.empty();
    }
    if (SYNTHETIC.equals(message.path("model").asText())) {
      return Optional.empty();
    }
    RecordUsageRequest usage =
        type.equals("assistant") && message.path("usage").isObject()
            ? usage(line, message, message.path("usage"))
            : null;
    List<ReportedToolCall> calls = toolCalls.read(line, message);
    if (usage == null && calls.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(
        new TranscriptEntry(text(line, "sessionId"), text(line, "cwd"), usage, calls));
  }

  /**
   * The request in OpenTelemetry's terms: Anthropic's input count leaves cache reads and writes
   * out, ours includes them. Keyed by the API's request id (as telemetry keys it), else the message
   * id.
   */
  private RecordUsageRequest usage(JsonNode line, JsonNode message, JsonNode usage) {
    String requestId =
        line.path("requestId").isTextual() ? line.get("requestId").asText() : text(message, "id");
    long input = count(usage, "input_tokens");
    long cacheWrite = count(usage, "cache_creation_input_tokens");
    long cacheRead = count(usage, "cache_read_input_tokens");
    JsonNode split = usage.path("cache_creation");
    Long oneHour = split.isObject() ? count(split, "ephemeral_1h_input_tokens") : null;
    JsonNode serverTools = usage.path("server_tool_use");
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
        timestamp(line),
        serverTools.isObject() ? count(serverTools, "web_search_requests") : null,
        geo(usage),
        speed(usage));
  }

  /** {@code fast} when the usage says the response came in fast mode, else unsaid (standard). */
  private static String speed(JsonNode usage) {
    return usage.path("speed").asText("").equals("fast") ? "fast" : null;
  }

  /**
   * Where the request ran, as the usage says it ({@code us}, {@code global}); a value of a shape
   * the usage API does not take is left unsaid rather than costing the line its tokens.
   */
  private static String geo(JsonNode usage) {
    String geo = usage.path("inference_geo").asText("").toLowerCase(Locale.ROOT);
    return GEO.matcher(geo).matches() ? geo : null;
  }
}
