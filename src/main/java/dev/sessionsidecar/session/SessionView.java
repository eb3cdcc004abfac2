package dev.sessionsidecar.session;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import java.time.Duration;
import java.time.Instant;

/** A session as the API shows it. */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record SessionView(
    String sessionId,
    ProjectView project,
    String status,
    String source,
    String resumedFrom,
    String branch,
    String client,
    PodView pod,
    Instant startedAt,
    Instant lastActivityAt,
    Instant endedAt,
    String endReason,
    String summary,
    long durationSeconds,
    long toolCalls,
    long errors,
    long prompts,
    @JsonInclude(JsonInclude.Include.NON_NULL) String compactSummary,
    @JsonInclude(JsonInclude.Include.NON_NULL) String lastError,
    @JsonInclude(JsonInclude.Include.NON_NULL) String permissionMode) {

  static SessionView of(AgentSession s) {
    Instant until = s.endedAt != null ? s.endedAt : s.lastActivityAt;
    return new SessionView(
        s.id,
        ProjectView.of(s.project),
        s.status.wireName(),
        s.source,
        s.resumedFrom,
        s.branch,
        s.client,
        PodView.of(s),
        s.startedAt,
        s.lastActivityAt,
        s.endedAt,
        s.endReason,
        s.summary,
        Math.max(0, Duration.between(s.startedAt, until).toSeconds()),
        s.toolCallCount,
        s.errorCount,
        s.promptCount,
        s.compactSummary,
        s.lastError,
        s.permissionMode);
  }
}
