package dev.sessionsidecar.budget;

import dev.sessionsidecar.platform.ApiException;
import dev.sessionsidecar.platform.InstanceIdentity;
import dev.sessionsidecar.platform.StoreSelection;
import dev.sessionsidecar.platform.Timestamps;
import dev.sessionsidecar.session.CurrentSession;
import dev.sessionsidecar.session.ProjectView;
import dev.sessionsidecar.session.Projects;
import dev.sessionsidecar.session.SessionView;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Creates, changes and deletes budgets, and says how much of each is used now: by the current
 * session or active project, by the sidecar it caps, or by the fleet.
 */
@ApplicationScoped
public class BudgetService {

  private final CurrentSession current;
  private final Projects projects;
  private final BudgetSpend spend;
  private final BudgetMetrics metrics;
  private final InstanceIdentity instance;
  private final Timestamps time;
  private final boolean shared;

  BudgetService(
      CurrentSession current,
      Projects projects,
      BudgetSpend spend,
      BudgetMetrics metrics,
      InstanceIdentity instance,
      Timestamps time,
      StoreSelection store) {
    this.current = current;
    this.projects = projects;
    this.spend = spend;
    this.metrics = metrics;
    this.instance = instance;
    this.time = time;
    this.shared = store.store().shared();
  }

  @Transactional
  public BudgetView create(BudgetRequest request) {
    BudgetScope scope = BudgetScope.fromWire(request.scope()).orElseThrow();
    if (scope == BudgetScope.FLEET && !shared) {
      throw ApiException.invalidArgument(
          "scope",
          "fleet needs sidecars sharing a PostgreSQL store; this one keeps its own H2 file, so"
              + " use instance");
    }
    Budget budget = new Budget();
    budget.scope = scope;
    budget.period = period(scope, request.period());
    budget.projectId = projectOf(scope, request.project());
    budget.instanceId = scope == BudgetScope.INSTANCE ? instance.id() : null;
    budget.limitUsd = request.limitUsd();
    budget.limitTokens = request.limitTokens();
    requireALimit(budget);
    budget.thresholds(BudgetThresholds.checked(request.thresholds()));
    budget.action =
        request.action() == null
            ? BudgetAction.WARN
            : BudgetAction.fromWire(request.action()).orElseThrow();
    budget.origin = Budget.FROM_API;
    budget.createdAt = time.now();
    budget.persist();
    return view(budget);
  }

  /** Every budget with its use now, oldest first. */
  @Transactional
  public List<BudgetView> list() {
    Here here = here();
    return Budget.allByAge().stream().map(budget -> view(budget, here)).toList();
  }

  /**
   * The budgets that cover this sidecar's work now (not another pod's instance budget), with their
   * use by the current session, the active project, this sidecar or the fleet.
   */
  @Transactional
  public List<BudgetView> inForce() {
    List<Budget> budgets = Budget.allByAge();
    if (budgets.isEmpty()) {
      return List.of(); // the common case, and every tool call asks: no further query
    }
    Here here = here();
    return budgets.stream()
        .filter(b -> b.instanceId == null || b.instanceId.equals(instance.id()))
        .filter(
            b -> !b.scope.perProject() || b.projectId == null || b.projectId.equals(here.project()))
        .map(budget -> view(budget, here))
        .filter(v -> v.use() != null)
        .toList();
  }

  @Transactional
  public BudgetView get(long id) {
    return view(found(id));
  }

  @Transactional
  public BudgetView patch(long id, BudgetPatch patch) {
    Budget budget = found(id);
    if (patch.limitUsd() != null) {
      budget.limitUsd = patch.limitUsd();
    }
    if (patch.limitTokens() != null) {
      budget.limitTokens = patch.limitTokens();
    }
    if (patch.thresholds() != null) {
      budget.thresholds(BudgetThresholds.checked(patch.thresholds()));
    }
    if (patch.action() != null) {
      budget.action = BudgetAction.fromWire(patch.action()).orElseThrow();
    }
    return view(budget);
  }

  @Transactional
  public void delete(long id) {
    found(id).delete();
    metrics.forget(id);
  }

  /**
   * A used-up budget with action {@code block} that covers this session's spend here, if any: the
   * hooks refuse the agent's next tool call or prompt while there is one.
   */
  @Transactional
  public Optional<BudgetView> blocking(SessionView session) {
    Instant now = time.now();
    Long projectId = session.project().id();
    for (Budget budget : Budget.blocking()) {
      Optional<BudgetView> used =
          budget
              .subjectFor(session.sessionId(), projectId, instance.id())
              .map(subject -> BudgetView.of(budget, path(budget), spend.use(budget, subject, now)))
              .filter(view -> view.use().exhausted());
      if (used.isPresent()) {
        return used;
      }
    }
    return Optional.empty();
  }

  /** What is current here, read once per answer: the current session and the active project. */
  private record Here(Optional<SessionView> session, Long project) {}

  private Here here() {
    return new Here(current.session(), projects.active().map(ProjectView::id).orElse(null));
  }

  private BudgetView view(Budget budget) {
    return view(budget, here());
  }

  private BudgetView view(Budget budget, Here here) {
    Instant now = time.now();
    BudgetUse use = subjectNow(budget, here).map(s -> spend.use(budget, s, now)).orElse(null);
    if (use != null) {
      metrics.used(budget, use.usedRatio());
    }
    return BudgetView.of(budget, path(budget), use);
  }

  /** Whose spend the budget is measured on when nothing names it: what is current here. */
  private Optional<Subject> subjectNow(Budget budget, Here here) {
    return switch (budget.scope) {
      case SESSION ->
          here.session()
              .filter(s -> budget.projectId == null || budget.projectId.equals(s.project().id()))
              .map(s -> Subject.session(s.sessionId(), s.project().id()));
      case PROJECT ->
          Optional.ofNullable(budget.projectId)
              .or(() -> Optional.ofNullable(here.project()))
              .map(Subject::project);
      case INSTANCE -> Optional.of(Subject.instance(budget.instanceId));
      case FLEET -> Optional.of(Subject.FLEET);
    };
  }

  private String path(Budget budget) {
    return projects.pathOf(budget.projectId);
  }

  private static BudgetPeriod period(BudgetScope scope, String wire) {
    if (wire == null) {
      return scope == BudgetScope.SESSION ? BudgetPeriod.SESSION : BudgetPeriod.DAY;
    }
    BudgetPeriod period = BudgetPeriod.fromWire(wire).orElseThrow();
    if (period == BudgetPeriod.SESSION && scope != BudgetScope.SESSION) {
      throw ApiException.invalidArgument(
          "period", "session applies to session budgets only; use day, week or month");
    }
    return period;
  }

  private Long projectOf(BudgetScope scope, String project) {
    if (!scope.perProject()) {
      if (project != null) {
        throw ApiException.invalidArgument(
            "project",
            "applies to session and project budgets only: an "
                + scope.wireName()
                + " budget counts every project");
      }
      return null;
    }
    if (BudgetRequest.EACH_PROJECT.equals(project)) {
      return null;
    }
    String path =
        projects.namedOrActive(project, "project", "give \"*\" for each project on its own");
    return projects.locked(path).id;
  }

  private static void requireALimit(Budget budget) {
    if (budget.limitUsd == null && budget.limitTokens == null) {
      throw ApiException.invalidArgument(
          "limit_usd", "or limit_tokens (or both) is required: a budget needs a limit");
    }
  }

  private static Budget found(long id) {
    Budget budget = Budget.findById(id);
    if (budget == null) {
      throw ApiException.notFound("No budget " + id + ": GET /v1/budgets lists the budgets.");
    }
    return budget;
  }
}
