package dev.sessionsidecar.tool;

import dev.sessionsidecar.platform.PlainText;
import dev.sessionsidecar.session.SessionView;
import dev.sessionsidecar.session.ToolCallView;
import java.time.Duration;

/** Renders sessions and tool calls as single lines a model can read: ids in full, UTC times. */
final class SessionLines {

  private static final int PREVIEW_CHARS = 80;

  private SessionLines() {}

  static String session(SessionView s) {
    StringBuilder line =
        new StringBuilder(s.sessionId())
            .append(' ')
            .append(s.status())
            .append(" started=")
            .append(s.startedAt())
            .append(" last_activity=")
            .append(s.lastActivityAt())
            .append(" duration=")
            .append(Duration.ofSeconds(s.durationSeconds()))
            .append(" tool_calls=")
            .append(s.toolCalls())
            .append(" errors=")
            .append(s.errors());
    if (s.summary() != null) {
      line.append(" summary=").append(PlainText.oneLine(s.summary(), 200));
    }
    return line.toString();
  }

  static String toolCall(ToolCallView c) {
    StringBuilder line =
        new StringBuilder()
            .append(c.startedAt())
            .append(' ')
            .append(c.tool())
            .append(c.ok() ? " ok" : " error");
    if (c.durationMs() != null) {
      line.append(' ').append(c.durationMs()).append("ms");
    }
    if (c.arguments() != null) {
      String json = c.arguments().isTextual() ? c.arguments().asText() : c.arguments().toString();
      line.append(" args=").append(PlainText.oneLine(json, PREVIEW_CHARS));
    }
    if (c.error() != null) {
      line.append(" error=").append(PlainText.oneLine(c.error(), 200));
    }
    return line.append(" id=").append(c.id()).toString();
  }

  /**
   * The lines a session's client reported about its state: its latest compaction summary and the
   * last failure that stopped a turn, each on its own line; nothing when there is neither.
   */
  static String state(SessionView s) {
    return (s.compactSummary() == null
            ? ""
            : "\nlast compaction: " + PlainText.oneLine(s.compactSummary(), 500))
        + (s.lastError() == null ? "" : "\nlast failure: " + PlainText.oneLine(s.lastError(), 300));
  }
}
