package dev.sessionsidecar.otlp;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.sessionsidecar.session.CodexToolName;
import dev.sessionsidecar.session.CommandExit;
import dev.sessionsidecar.session.RecordToolCallRequest;
import dev.sessionsidecar.usage.RecordUsageRequest;
import io.opentelemetry.proto.logs.v1.LogRecord;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;

/**
 * OpenAI Codex CLI's telemetry events, all of the session {@code conversation.id}, named by their
 * {@code event.name} attribute: a {@code codex.sse_event} (or {@code codex.websocket_event}) of
 * kind {@code response.completed} with token counts is an LLM call (no cost: estimated from the
 * price table); {@code codex.tool_result} is a tool call; {@code codex.user_prompt} is a prompt.
 */
final class CodexEvents {

  private static final Set<String> RESPONSE = Set.of("codex.sse_event", "codex.websocket_event");
  private static final String TOOL_RESULT = "codex.tool_result";
  private static final String USER_PROMPT = "codex.user_prompt";
  private static final String COMPLETED = "response.completed";

  /** The client of sessions that Codex's hooks started. */
  static final String HOOK_CLIENT = "codex";

  private final ObjectMapper mapper;
  private final boolean responsesFromRollouts;

  /**
   * {@code responsesFromRollouts}: the sidecar reads Codex's rollout files, which hold every
   * response under its id; the telemetry's responses carry no id the rollouts share, so they are
   * left to the rollouts instead of being counted twice (tool results and prompts still count).
   */
  CodexEvents(ObjectMapper mapper, boolean responsesFromRollouts) {
    this.mapper = mapper;
    this.responsesFromRollouts = responsesFromRollouts;
  }

  Optional<Mapped> map(LogRecord log, Attributes a) {
    String name = LogRecords.name(log, a);
    if (name == null) {
      return Optional.empty();
    }
    String session = a.text("conversation.id");
    Instant at = LogRecords.time(log, a);
    if (RESPONSE.contains(name) && COMPLETED.equals(a.text("event.kind"))) {
      if (responsesFromRollouts) {
        return Optional.empty();
      }
      // Codex logs two response.completed events per response: one with the stream's timing
      // only, one with the token counts. Only the second is the request.
      return a.has("input_token_count") || a.has("output_token_count")
          ? Optional.of(new Mapped.Usage(session, response(log, a, at)))
          : Optional.empty();
    }
    if (name.equals(TOOL_RESULT)) {
      return Optional.of(new Mapped.ToolUse(session, toolResult(log, a, at)));
    }
    if (name.equals(USER_PROMPT)) {
      return Optional.of(new Mapped.Prompt(session, HOOK_CLIENT));
    }
    return Optional.empty();
  }

  /**
   * A completed response: cached input is part of the input count, reasoning of the output. The
   * event carries no response id, so a hash of the record identifies it.
   */
  private static RecordUsageRequest response(LogRecord log, Attributes a, Instant at) {
    String responseId = OtlpText.id("response.id", a.text("response.id", "response_id"));
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

  /**
   * A tool result, by its {@code call_id}. An MCP tool is named as the hooks name it, {@code
   * mcp__<server>__<tool>}; a command whose output reports a non-zero exit code failed, whatever
   * {@code success} says.
   */
  private RecordToolCallRequest toolResult(LogRecord log, Attributes a, Instant at) {
    String output = a.text("output");
    String error = CommandExit.errorOf(output, "false".equalsIgnoreCase(a.text("success")));
    boolean ok = error == null;
    String callId = OtlpText.id("call_id", a.text("call_id"));
    return new RecordToolCallRequest(
        callId != null ? callId : LogRecords.fallbackId(log),
        OtlpText.cut(GenAiSpans.orElse(toolName(a), "unknown"), 200),
        OtlpText.json(a.text("arguments"), mapper),
        ok,
        ok ? null : OtlpText.cut(error, 4000),
        ok ? OtlpText.cut(output, 2000) : null,
        a.number("duration_ms"),
        at,
        null,
        null);
  }

  private static String toolName(Attributes a) {
    return CodexToolName.of(a.text("tool_namespace"), a.text("tool_name"));
  }
}
