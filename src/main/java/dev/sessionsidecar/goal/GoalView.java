package dev.sessionsidecar.goal;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import dev.sessionsidecar.session.ProjectScope;
import java.time.Instant;

/** A goal as the API shows it; {@code project} is a path or {@code global}. */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record GoalView(
    String id,
    String project,
    String title,
    String detail,
    String status,
    String priority,
    int progressPercent,
    Instant createdAt,
    Instant updatedAt) {

  static GoalView of(Goal goal, String projectPath) {
    return new GoalView(
        goal.id,
        projectPath == null ? ProjectScope.GLOBAL : projectPath,
        goal.title,
        goal.detail,
        goal.status.wireName(),
        goal.priority.wireName(),
        goal.progressPercent,
        goal.createdAt,
        goal.updatedAt);
  }
}
