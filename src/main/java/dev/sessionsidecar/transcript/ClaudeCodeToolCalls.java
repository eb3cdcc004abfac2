package dev.sessionsidecar.transcript;

import static dev.sessionsidecar.transcript.TranscriptFields.text;
import static dev.sessionsidecar.transcript.TranscriptFields.timestamp;

import com.fasterxml.jackson.databind.JsonNode;
import dev.sessionsidecar.platform.PlainText;
import dev.sessionsidecar.session.RecordToolCallRequest;
import dev.sessionsidecar.session.ReportedToolCall;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The tool calls of one Claude Code transcript file: a {@code tool_use} block of a response starts
 * one under the API's call id (the {@code tool_use_id} hooks and telemetry name it by, so every
 * source reports the same call), and the {@code tool_result} block of a later line finishes it:
 * whether it failed, what it answered (cut as hooks cut it), how long it took.
 */
final class ClaudeCodeToolCalls {

  private final String role;
  private final StartedCalls open = new StartedCalls();

  /** For a file of {@code role}'s lines: {@code agent}, or {@code subagent[:<type>]}. */
  ClaudeCodeToolCalls(String role) {
    this.role = role;
  }

  /** The calls a message line starts or finishes, in its order. */
  List<ReportedToolCall> read(JsonNode line, JsonNode message) {
    JsonNode content = message.path("content");
    if (!content.isArray()) {
      return List.of();
    }
    List<ReportedToolCall> calls = new ArrayList<>();
    for (JsonNode block : content) {
      switch (block.path("type").asText()) {
        case "tool_use" -> calls.add(started(line, block));
        case "tool_result" -> calls.add(finished(line, block));
        default -> {
          // Text and thinking: never kept.
        }
      }
    }
    return calls;
  }

  private ReportedToolCall started(JsonNode line, JsonNode block) {
    String callId = text(block, "id");
    String tool = text(block, "name");
    Instant at = timestamp(line);
    open.start(callId, tool, at);
    JsonNode input = block.get("input");
    return new ReportedToolCall(
        text(line, "sessionId"),
        new RecordToolCallRequest(
            callId, tool, input, null, null, null, null, at, agent(line), null),
        false);
  }

  /**
   * The result: a call started in this file is named and timed; one started before a restart (its
   * start was read then) only completes what is stored.
   */
  private ReportedToolCall finished(JsonNode line, JsonNode block) {
    String callId = text(block, "tool_use_id");
    StartedCalls.Started start = open.finish(callId).orElse(null);
    boolean failed = block.path("is_error").asBoolean(false);
    String said = answer(block.path("content"));
    Instant at = timestamp(line);
    Long duration = start == null ? null : start.millisUntil(at);
    return new ReportedToolCall(
        text(line, "sessionId"),
        new RecordToolCallRequest(
            callId,
            start == null ? "unknown" : start.tool(),
            null,
            !failed,
            failed ? PlainText.oneLine(said, RecordToolCallRequest.MAX_ERROR) : null,
            failed ? null : PlainText.oneLine(said, RecordToolCallRequest.MAX_RESULT),
            duration,
            start == null ? null : start.at(),
            agent(line),
            null),
        start == null);
  }

  /** A result's text: a string, or the text blocks of a list (images and the like left out). */
  private static String answer(JsonNode content) {
    return content.isTextual() ? content.asText() : TranscriptFields.textParts(content);
  }

  /** Who made the call, as hooks name it: a subagent's type (else its id); null for the main. */
  private String agent(JsonNode line) {
    if (role.startsWith("subagent:")) {
      return role.substring("subagent:".length());
    }
    return role.equals("subagent") && line.path("agentId").isTextual()
        ? line.get("agentId").asText()
        : null;
  }
}
