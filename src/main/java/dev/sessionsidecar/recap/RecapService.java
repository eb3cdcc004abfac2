package dev.sessionsidecar.recap;

import dev.sessionsidecar.insight.InsightDigest;
import dev.sessionsidecar.insight.InsightView;
import dev.sessionsidecar.platform.Timestamps;
import dev.sessionsidecar.session.CurrentSession;
import dev.sessionsidecar.session.ProjectView;
import dev.sessionsidecar.session.SessionService;
import dev.sessionsidecar.session.SessionView;
import dev.sessionsidecar.task.TaskService;
import dev.sessionsidecar.task.TaskView;
import dev.sessionsidecar.usage.UsageFigures;
import dev.sessionsidecar.usage.UsageReports;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
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
  private final SessionService sessions;
  private final GoalService goals;
  private final TaskService tasks;
  private final InsightDigest insights;
  private final PreferenceService preferences;
  private final UsageReports usage;
  private final Timestamps time;

  RecapService(
      CurrentSession current,
      SessionService sessions,
      GoalService goals,
      TaskService tasks,
      InsightDigest insights,
      PreferenceService preferences,
      UsageReports usage,
      Timestamps time) {
    this.current = current;
    this.sessions = sessions;
    this.goals = goals;
    this.tasks = tasks;
    this.insights = insights;
    this.preferences = preferences;
    this.usage = usage;
    this.time = time;
  }

  /** The recap this sidecar's agent gets: of its current session and active project. */
  public Recap recap(int sinceDays) {
    return recap(sinceDays, current.session(), current.activeProject().orElse(null));
  }

  /** The recap another instance's agent gets, on a shared database. */
  public Recap recapOf(String instanceId, int sinceDays) {
    return recap(
        sinceDays, current.sessionOf(instanceId), current.activeProjectOf(instanceId).orElse(null));
  }

  private Recap recap(int sinceDays, Optional<SessionView> currentSession, ProjectView project) {
    Instant now = time.now();
    UsageReports.Scope scope = usage.scopeOf(project, sinceDays);
    String path = project == null ? null : project.path();
    Optional<Long> projectId = project == null ? Optional.empty() : current.projectId(path);

    Optional<SessionView> session = currentSession.filter(s -> inScope(s, path));
    List<Recap.SessionWithUsage> recent = new ArrayList<>();
    for (SessionView s : sessions.recent(path, SESSIONS + 1)) {
      if (recent.size() < SESSIONS
          && (session.isEmpty() || !s.sessionId().equals(session.get().sessionId()))) {
        recent.add(withUsage(s));
      }
    }
    Instant failedSince =
        recent.isEmpty()
            ? (sinceDays == 0 ? Instant.EPOCH : now.minus(Duration.ofDays(sinceDays)))
            : recent.get(0).session().lastActivityAt();

    GoalService.Filter goalFilter =
        project == null
            ? GoalService.Filter.everywhere(List.copyOf(GoalStatus.ACTIVE))
            : GoalService.Filter.of(
                projectId.orElse(CurrentSession.NO_PROJECT), List.copyOf(GoalStatus.ACTIVE));
    List<InsightView> topInsights =
        insights.ranked(
            InsightDigest.Filter.top(INSIGHTS)
                .inProject(project == null ? null : projectId.orElse(CurrentSession.NO_PROJECT))
                .atLeast(INSIGHT_MIN_CONFIDENCE));
    UsageFigures figures = usage.summary(scope);
    List<TaskView> failed = tasks.failedSince(failedSince, TASKS);
    return new Recap(
        project,
        project == null,
        sinceDays,
        session.map(this::withUsage).orElse(null),
        recent,
        goals.list(goalFilter, GOALS),
        tasks.open(TASKS),
        failed.isEmpty() ? null : failedSince,
        failed,
        topInsights,
        preferences.effective(project == null ? Optional.empty() : projectId, PREFERENCES),
        figures.requests() == 0 ? null : figures);
  }

  private Recap.SessionWithUsage withUsage(SessionView session) {
    return new Recap.SessionWithUsage(session, usage.forSession(session.sessionId()));
  }

  private static boolean inScope(SessionView session, String projectPath) {
    return projectPath == null || session.project().path().equals(projectPath);
  }
}
