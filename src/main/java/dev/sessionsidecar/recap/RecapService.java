package dev.sessionsidecar.recap;

import dev.sessionsidecar.budget.BudgetService;
import dev.sessionsidecar.goal.GoalService;
import dev.sessionsidecar.goal.GoalStatus;
import dev.sessionsidecar.insight.InsightQueries;
import dev.sessionsidecar.platform.SnapshotReads;
import dev.sessionsidecar.platform.Timestamps;
import dev.sessionsidecar.preference.PreferenceService;
import dev.sessionsidecar.session.CurrentSession;
import dev.sessionsidecar.session.ProjectView;
import dev.sessionsidecar.session.Projects;
import dev.sessionsidecar.session.SessionQueries;
import dev.sessionsidecar.session.SessionView;
import dev.sessionsidecar.task.TaskQueries;
import dev.sessionsidecar.task.TaskView;
import dev.sessionsidecar.usage.UsageFigures;
import dev.sessionsidecar.usage.UsageQueries;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Assembles the recap from the features' own services: sessions, goals, tasks, insights,
 * preferences and usage, each section capped so the page stays one page.
 */
@ApplicationScoped
public class RecapService {

  static final int SESSIONS = 5;
  static final int GOALS = 5;
  static final int TASKS = 5;
  static final int INSIGHTS = 5;
  static final double INSIGHT_MIN_CONFIDENCE = 0.5;
  static final int PREFERENCES = 10;

  private final CurrentSession current;
  private final SessionQueries sessions;
  private final GoalService goals;
  private final TaskQueries tasks;
  private final InsightQueries insights;
  private final PreferenceService preferences;
  private final UsageQueries usage;
  private final Timestamps time;
  private final BudgetService budgets;
  private final SnapshotReads snapshot;

  private final Projects projects;

  RecapService(
      Projects projects,
      CurrentSession current,
      SessionQueries sessions,
      GoalService goals,
      TaskQueries tasks,
      InsightQueries insights,
      PreferenceService preferences,
      UsageQueries usage,
      Timestamps time,
      BudgetService budgets,
      SnapshotReads snapshot) {
    this.projects = projects;
    this.budgets = budgets;
    this.snapshot = snapshot;
    this.current = current;
    this.sessions = sessions;
    this.goals = goals;
    this.tasks = tasks;
    this.insights = insights;
    this.preferences = preferences;
    this.usage = usage;
    this.time = time;
  }

  /**
   * The recap this sidecar's agent gets: of its current session and active project, every section
   * read at one moment.
   */
  public Recap recap(int sinceDays) {
    return snapshot.read(() -> recap(sinceDays, current.session(), projects.active().orElse(null)));
  }

  /** The recap another instance's agent gets, on a shared database. */
  public Recap recapOf(String instanceId, int sinceDays) {
    return snapshot.read(
        () ->
            recap(
                sinceDays,
                current.sessionOf(instanceId),
                current.activeProjectOf(instanceId).orElse(null)));
  }

  private Recap recap(int sinceDays, Optional<SessionView> currentSession, ProjectView project) {
    String path = project == null ? null : project.path();
    // The project's stored id; null reads every project, Projects.NONE (never stored) reads
    // nothing.
    Long projectId = project == null ? null : project.idOrNone();
    Optional<SessionView> session = currentSession.filter(s -> inScope(s, path));
    List<Recap.SessionWithUsage> recent = recentOtherThan(session, path);
    Instant failedSince = failedSince(recent, sinceDays);
    List<TaskView> failed = tasks.failedSince(failedSince, TASKS);
    UsageFigures figures = usage.summary(usage.scopeOf(project, sinceDays));
    return new Recap(
        project,
        project == null,
        sinceDays,
        session.map(this::withUsage).orElse(null),
        recent,
        goals.list(activeGoals(projectId), GOALS),
        tasks.open(TASKS),
        failed.isEmpty() ? null : failedSince,
        failed,
        insights.ranked(
            InsightQueries.Filter.top(INSIGHTS)
                .inProject(projectId)
                .atLeast(INSIGHT_MIN_CONFIDENCE)),
        preferences.effective(Optional.ofNullable(projectId), PREFERENCES),
        figures.requests() == 0 ? null : figures,
        budgets.inForce());
  }

  /** The newest sessions of the project (null: of all), the current one left out. */
  private List<Recap.SessionWithUsage> recentOtherThan(
      Optional<SessionView> session, String projectPath) {
    return sessions.recent(projectPath, SESSIONS + 1).stream()
        .filter(s -> session.isEmpty() || !s.sessionId().equals(session.get().sessionId()))
        .limit(SESSIONS)
        .map(this::withUsage)
        .toList();
  }

  /** Failures worth telling: since the last session before this one, else over the window. */
  private Instant failedSince(List<Recap.SessionWithUsage> recent, int sinceDays) {
    if (!recent.isEmpty()) {
      return recent.get(0).session().lastActivityAt();
    }
    return sinceDays == 0 ? Instant.EPOCH : time.now().minus(Duration.ofDays(sinceDays));
  }

  private static GoalService.Filter activeGoals(Long projectId) {
    List<GoalStatus> active = List.copyOf(GoalStatus.ACTIVE);
    return projectId == null
        ? GoalService.Filter.everywhere(active)
        : GoalService.Filter.of(projectId, active);
  }

  private Recap.SessionWithUsage withUsage(SessionView session) {
    return new Recap.SessionWithUsage(session, usage.forSession(session.sessionId()));
  }

  private static boolean inScope(SessionView session, String projectPath) {
    return projectPath == null || session.project().path().equals(projectPath);
  }
}
