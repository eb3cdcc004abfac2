package dev.sessionsidecar.budget;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.OptionalDouble;

/**
 * A budget as the API shows it, with how much of it is used now: by the current session or the
 * active project for per-project budgets, by this sidecar, or by the fleet ({@code use} is null
 * when there is nothing to measure yet, e.g. no current session).
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record BudgetView(
    long id,
    String scope,
    String period,
    String project,
    String instance,
    BigDecimal limitUsd,
    Long limitTokens,
    List<Double> thresholds,
    String action,
    String origin,
    Instant createdAt,
    BudgetUse use) {

  static BudgetView of(Budget b, String projectPath, BudgetUse use) {
    return new BudgetView(
        b.id,
        b.scope.wireName(),
        b.period.wireName(),
        projectPath,
        b.instanceId,
        b.limitUsd == null ? null : b.limitUsd.stripTrailingZeros(),
        b.limitTokens,
        b.thresholdList(),
        b.action.wireName(),
        b.origin,
        b.createdAt,
        use);
  }

  /** The highest threshold the use has reached, as a fraction; empty below the first one. */
  public OptionalDouble reached() {
    if (use == null) {
      return OptionalDouble.empty();
    }
    return thresholds.stream()
        .mapToDouble(Double::doubleValue)
        .filter(t -> use.usedRatio() >= t)
        .max();
  }

  /** One line: {@code budget 3 session/session: $4.10 of $5.00 (82%), block at 100%}. */
  public String line() {
    return "budget "
        + id
        + " "
        + scope
        + "/"
        + period
        + (project == null ? "" : " " + project)
        + ": "
        + (use == null ? "nothing used yet" : use.text())
        + (action.equals("block") ? ", blocks at 100%" : "");
  }
}
