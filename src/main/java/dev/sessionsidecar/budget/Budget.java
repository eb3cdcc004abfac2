package dev.sessionsidecar.budget;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.criteria.CriteriaBuilder;
import jakarta.persistence.criteria.CriteriaQuery;
import jakarta.persistence.criteria.Root;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/** A cap on spend: whose, over which period, in USD and/or tokens, with its alert thresholds. */
@Entity
public class Budget extends PanacheEntityBase {

  /** Where a budget came from: the API, or one of the configuration keys. */
  static final String FROM_API = "api";

  static final String FROM_SESSION_KEY = "config:session-usd";
  static final String FROM_PROJECT_DAILY_KEY = "config:project-daily-usd";

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  public Long id;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false)
  public BudgetScope scope;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false)
  public BudgetPeriod period;

  /** The project of a session or project budget; null: each project on its own. */
  @Column(name = "project_id")
  public Long projectId;

  /** The sidecar an instance budget caps. */
  @Column(name = "instance_id")
  public String instanceId;

  @Column(name = "limit_usd")
  public BigDecimal limitUsd;

  @Column(name = "limit_tokens")
  public Long limitTokens;

  /** Fractions of the limit, ascending, comma-separated: {@code 0.5,0.8,1}. */
  @Column(nullable = false)
  String thresholds;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false)
  public BudgetAction action;

  @Column(nullable = false)
  public String origin;

  @Column(name = "created_at", nullable = false)
  public Instant createdAt;

  List<Double> thresholdList() {
    return Arrays.stream(thresholds.split(",")).map(Double::valueOf).toList();
  }

  void thresholds(List<Double> fractions) {
    thresholds =
        fractions.stream()
            .map(f -> BigDecimal.valueOf(f).stripTrailingZeros().toPlainString())
            .collect(Collectors.joining(","));
  }

  /**
   * Whose spend this budget measures for usage charged to a session (null: none) and project (null:
   * none) on the sidecar {@code here}; empty when the budget does not cover it.
   */
  Optional<Subject> subjectFor(String sessionId, Long chargedProject, String here) {
    if (instanceId != null && !instanceId.equals(here)) {
      return Optional.empty();
    }
    boolean inProject = projectId == null || projectId.equals(chargedProject);
    return switch (scope) {
      case SESSION ->
          sessionId != null && inProject
              ? Optional.of(Subject.session(sessionId, chargedProject))
              : Optional.empty();
      case PROJECT ->
          chargedProject != null && inProject
              ? Optional.of(Subject.project(chargedProject))
              : Optional.empty();
      case INSTANCE -> Optional.of(Subject.instance(here));
      case FLEET -> Optional.of(Subject.FLEET);
    };
  }

  /** The thresholds in whole percent of the limit, ascending. */
  List<Integer> thresholdPercents() {
    return thresholdList().stream().map(f -> (int) Math.round(f * 100)).toList();
  }

  /** Every budget, oldest first. */
  static List<Budget> allByAge() {
    return list("order by id");
  }

  /** The budgets that stop the agent once used up. */
  static List<Budget> blocking() {
    return list("action = ?1 order by id", BudgetAction.BLOCK);
  }

  /**
   * The budget one configuration key of one sidecar seeded, if any. A criteria query, not HQL: it
   * runs before readiness, and the first HQL query loads Hibernate's HQL parser
   * (docs/benchmarks.md).
   */
  static Optional<Budget> seeded(String origin, String instanceId) {
    CriteriaBuilder criteria = getEntityManager().getCriteriaBuilder();
    CriteriaQuery<Budget> query = criteria.createQuery(Budget.class);
    Root<Budget> budget = query.from(Budget.class);
    query.where(
        criteria.equal(budget.get("origin"), origin),
        criteria.equal(budget.get("instanceId"), instanceId));
    return getEntityManager().createQuery(query).setMaxResults(1).getResultStream().findFirst();
  }
}
