package dev.sessionsidecar.session;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.stream.Collectors;

/** Writes the short factual summary of a session that ended without one. */
@ApplicationScoped
class SessionSummaries {

  private static final int TOP_TOOLS = 3;

  String describe(AgentSession session, Instant endedAt) {
    Duration duration = Duration.between(session.startedAt, endedAt);
    StringBuilder out =
        new StringBuilder("Ran ")
            .append(duration.truncatedTo(ChronoUnit.SECONDS))
            .append("; ")
            .append(session.toolCallCount)
            .append(session.toolCallCount == 1 ? " tool call" : " tool calls")
            .append(", ")
            .append(session.errorCount)
            .append(session.errorCount == 1 ? " error" : " errors");
    List<ToolCall.ToolCount> top = ToolCall.topToolsOf(session.id, TOP_TOOLS);
    if (!top.isEmpty()) {
      out.append("; top tools: ")
          .append(
              top.stream().map(t -> t.tool() + " x" + t.calls()).collect(Collectors.joining(", ")));
    }
    return out.append('.').toString();
  }
}
