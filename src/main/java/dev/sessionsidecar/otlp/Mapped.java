package dev.sessionsidecar.otlp;

import dev.sessionsidecar.session.RecordToolCallRequest;
import dev.sessionsidecar.usage.RecordUsageRequest;

/** What one span or log record stands for in the sidecar's terms. */
sealed interface Mapped {

  /** The session the item names, if any (gen_ai.conversation.id or session.id). */
  String sessionId();

  /** An LLM call: a usage record without its session. */
  record Usage(String sessionId, RecordUsageRequest record) implements Mapped {}

  /** An item that names itself as GenAI but cannot be recorded as sent: why, for partialSuccess. */
  record Rejected(String sessionId, String reason) implements Mapped {}

  /** A tool call of a session. */
  record ToolUse(String sessionId, RecordToolCallRequest call) implements Mapped {}

  /**
   * A tool call an agent reported without the id its hooks use: recorded unless the session is fed
   * by that agent's hooks ({@code hookClient}), which recorded the same call under its id.
   */
  record UnmatchedToolUse(String sessionId, RecordToolCallRequest call, String hookClient)
      implements Mapped {}

  /**
   * A prompt the agent was given: counted unless the session is fed by that agent's hooks ({@code
   * hookClient}), whose UserPromptSubmit counted it already.
   */
  record Prompt(String sessionId, String hookClient) implements Mapped {}
}
