package dev.sessionsidecar.otlp;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sessionsidecar.session.RecordToolCallRequest;

/** What one span or log record stands for in the sidecar's terms. */
sealed interface Mapped {

  /** The session the item names, if any (gen_ai.conversation.id or session.id). */
  String sessionId();

  /** An LLM call: the body of a usage record without its session. */
  record Usage(String sessionId, ObjectNode record) implements Mapped {}

  /** A tool call of a session. */
  record ToolUse(String sessionId, RecordToolCallRequest call) implements Mapped {}
}
