package dev.sessionsidecar.goal;

import dev.sessionsidecar.platform.ApiException;
import dev.sessionsidecar.platform.Conditions;
import dev.sessionsidecar.platform.PlainText;
import dev.sessionsidecar.platform.Timestamps;
import dev.sessionsidecar.session.ProjectScope;
import dev.sessionsidecar.session.Projects;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Creates, reads, changes and deletes goals, and lists them by priority then recency. */
@ApplicationScoped
public class GoalService {

  private final ProjectScope scope;
  private final Timestamps time;

  private final Projects projects;

  GoalService(Projects projects, ProjectScope scope, Timestamps time) {
    this.projects = projects;
    this.scope = scope;
    this.time = time;
  }

  /** Most important first, then most recently changed. */
  static final Comparator<Goal> BY_PRIORITY_THEN_RECENCY =
      Comparator.comparing((Goal g) -> g.priority)
          .thenComparing((Goal g) -> g.updatedAt, Comparator.reverseOrder())
          .thenComparing(g -> g.id);

  @Transactional
  public GoalView create(GoalRequest request) {
    if (request == null || request.title() == null) {
      throw ApiException.invalidArgument("title", "is required");
    }
    Instant now = time.now();
    Goal goal = new Goal();
    goal.id = UUID.randomUUID().toString();
    goal.projectId = scope.forWriting(request.project()).orElse(null);
    goal.title = request.title();
    goal.detail = request.detail();
    goal.status =
        request.status() == null ? GoalStatus.PLANNING : GoalStatus.fromWire(request.status());
    goal.priority =
        request.priority() == null
            ? GoalPriority.MEDIUM
            : GoalPriority.fromWire(request.priority());
    goal.progressPercent = request.progressPercent() == null ? 0 : request.progressPercent();
    goal.createdAt = now;
    goal.updatedAt = now;
    goal.persist();
    return view(goal);
  }

  @Transactional
  public GoalView get(String id) {
    return view(found(id, LockModeType.NONE));
  }

  @Transactional
  public GoalView update(String id, GoalRequest request) {
    if (request == null
        || (request.title() == null
            && request.detail() == null
            && request.status() == null
            && request.priority() == null
            && request.progressPercent() == null
            && request.project() == null)) {
      throw ApiException.invalidArgument(
          "title", "send at least one of title, detail, status, priority, progress_percent");
    }
    if (request.project() != null) {
      throw ApiException.invalidArgument(
          "project", "cannot change; create the goal anew in the other project");
    }
    Goal goal = found(id, LockModeType.PESSIMISTIC_WRITE);
    Optional.ofNullable(request.title()).ifPresent(t -> goal.title = t);
    Optional.ofNullable(request.detail()).ifPresent(d -> goal.detail = d);
    Optional.ofNullable(request.status()).ifPresent(s -> goal.status = GoalStatus.fromWire(s));
    Optional.ofNullable(request.priority())
        .ifPresent(p -> goal.priority = GoalPriority.fromWire(p));
    Optional.ofNullable(request.progressPercent()).ifPresent(p -> goal.progressPercent = p);
    goal.updatedAt = time.now();
    return view(goal);
  }

  @Transactional
  public void delete(String id) {
    found(id, LockModeType.PESSIMISTIC_WRITE).delete();
  }

  /** Which goals a listing wants: of every project, or of one project (or global) only. */
  public record Filter(boolean everyProject, Long projectId, List<GoalStatus> statuses) {

    /** Goals of every project and the global ones. */
    public static Filter everywhere(List<GoalStatus> statuses) {
      return new Filter(true, null, statuses);
    }

    /** A project's goals and the global ones, or (null id) the global ones only. */
    public static Filter of(Long projectId, List<GoalStatus> statuses) {
      return new Filter(false, projectId, statuses);
    }
  }

  /** Goals matching the filter (all statuses when it names none), by priority then recency. */
  @Transactional
  public List<GoalView> list(Filter filter, int limit) {
    boolean oneProject = !filter.everyProject() && filter.projectId() != null;
    Conditions matching =
        new Conditions()
            .andIf(!filter.everyProject() && filter.projectId() == null, "projectId is null")
            .and(
                "(projectId = :project or projectId is null)",
                "project",
                oneProject ? filter.projectId() : null)
            .in("status", "statuses", filter.statuses().isEmpty() ? null : filter.statuses());
    List<Goal> goals = new ArrayList<>(Goal.matching(matching));
    goals.sort(BY_PRIORITY_THEN_RECENCY);
    return goals.stream().limit(limit).map(this::view).toList();
  }

  private GoalView view(Goal goal) {
    return GoalView.of(goal, projects.pathOf(goal.projectId));
  }

  private static Goal found(String id, LockModeType lock) {
    Goal goal = Goal.findById(id, lock);
    if (goal == null) {
      throw ApiException.notFound("No goal with id " + PlainText.abbreviate(id, 80) + ".");
    }
    return goal;
  }
}
