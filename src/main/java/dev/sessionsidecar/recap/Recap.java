package dev.sessionsidecar.recap;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import dev.sessionsidecar.budget.BudgetView;
import dev.sessionsidecar.goal.GoalView;
import dev.sessionsidecar.insight.InsightView;
import dev.sessionsidecar.preference.PreferenceView;
import dev.sessionsidecar.session.ProjectView;
import dev.sessionsidecar.session.SessionView;
import dev.sessionsidecar.task.TaskView;
import dev.sessionsidecar.usage.SessionUsage;
import dev.sessionsidecar.usage.UsageFigures;
import java.time.Instant;
import java.util.List;

/**
 * Where things stand, in the recap's order: the project and current session, recent sessions,
 * active goals, open and recently failed tasks, top insights, preferences, usage over the window,
 * the budgets in force. Empty sections are left out; {@code project} null means the recap covers
 * every project.
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record Recap(
    ProjectView project,
    boolean allProjects,
    int sinceDays,
    SessionWithUsage currentSession,
    List<SessionWithUsage> recentSessions,
    List<GoalView> goals,
    List<TaskView> openTasks,
    Instant failedTasksSince,
    List<TaskView> failedTasks,
    List<InsightView> insights,
    List<PreferenceView> preferences,
    UsageFigures usage,
    List<BudgetView> budgets) {

  /** A session with what its LLM calls cost so far. */
  @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
  public record SessionWithUsage(SessionView session, SessionUsage usage) {}

  /** Whether nothing at all is recorded in what the recap covers. */
  public boolean isEmpty() {
    return currentSession == null
        && recentSessions.isEmpty()
        && goals.isEmpty()
        && openTasks.isEmpty()
        && failedTasks.isEmpty()
        && insights.isEmpty()
        && preferences.isEmpty()
        && usage == null;
  }
}
