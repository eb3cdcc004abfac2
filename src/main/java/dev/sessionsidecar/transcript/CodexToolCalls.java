package dev.sessionsidecar.transcript;

import static dev.sessionsidecar.transcript.TranscriptFields.text;
import static dev.sessionsidecar.transcript.TranscriptFields.timestamp;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.sessionsidecar.platform.PlainText;
import dev.sessionsidecar.session.CodexToolName;
import dev.sessionsidecar.session.CommandExit;
import dev.sessionsidecar.session.RecordToolCallRequest;
import dev.sessionsidecar.session.ReportedToolCall;
import java.time.Instant;

/**
 * The tool calls of one Codex rollout: a {@code function_call} item starts one under its {@code
 * call_id} (the id Codex's hooks and telemetry use too), named as the model's API names it ({@code
 * exec_command} with {@code {"cmd"}}, an MCP tool as {@code mcp__<server>__<tool>}), and the {@code
 * function_call_output} item with that id finishes it. A command failed when its output's header
 * says it exited non-zero, as the telemetry reader decides it.
 */
final class CodexToolCalls {

  /** Reads the arguments' JSON text (the line around it was read with the API's own rules). */
  private static final ObjectMapper JSON = new ObjectMapper();

  private final StartedCalls open = new StartedCalls();

  /** The call a {@code function_call} item starts. */
  ReportedToolCall started(String sessionId, JsonNode line, JsonNode item) {
    String callId = text(item, "call_id");
    JsonNode namespace = item.path("namespace");
    String tool =
        CodexToolName.of(namespace.isTextual() ? namespace.asText() : null, text(item, "name"));
    Instant at = timestamp(line);
    open.start(callId, tool, at);
    return new ReportedToolCall(
        sessionId,
        new RecordToolCallRequest(
            callId,
            tool,
            arguments(item.path("arguments")),
            null,
            null,
            null,
            null,
            at,
            null,
            null),
        false,
        true);
  }

  /**
   * The result a {@code function_call_output} item brings; for a call started before a restart
   * (read then), it only completes what is stored.
   */
  ReportedToolCall finished(String sessionId, JsonNode line, JsonNode item) {
    String callId = text(item, "call_id");
    StartedCalls.Started start = open.finish(callId).orElse(null);
    JsonNode output = item.path("output");
    String said = output(output);
    String error = CommandExit.errorOf(said, !output.path("success").asBoolean(true));
    boolean failed = error != null;
    Instant at = timestamp(line);
    return new ReportedToolCall(
        sessionId,
        new RecordToolCallRequest(
            callId,
            start == null ? "unknown" : start.tool(),
            null,
            !failed,
            failed ? PlainText.oneLine(error, RecordToolCallRequest.MAX_ERROR) : null,
            failed ? null : PlainText.oneLine(said, RecordToolCallRequest.MAX_RESULT),
            start == null ? null : start.millisUntil(at),
            start == null ? null : start.at(),
            null,
            null),
        start == null,
        true);
  }

  /** The arguments: Codex writes them as a JSON text; one that is not JSON is kept as text. */
  private JsonNode arguments(JsonNode arguments) {
    if (!arguments.isTextual()) {
      return arguments.isMissingNode() ? null : arguments;
    }
    try {
      return JSON.readTree(arguments.asText());
    } catch (JsonProcessingException notJson) {
      return TextNode.valueOf(arguments.asText());
    }
  }

  /** What the tool answered: a text, an object's {@code content}, or a list's text parts. */
  private static String output(JsonNode output) {
    JsonNode content = output.isObject() ? output.path("content") : output;
    return content.isTextual() ? content.asText() : TranscriptFields.textParts(content);
  }
}
