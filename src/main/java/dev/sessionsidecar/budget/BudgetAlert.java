package dev.sessionsidecar.budget;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import java.math.BigDecimal;
import java.time.Instant;

/**
 * A threshold that fired, as the webhook posts it: {@code text} is one line a chat tool shows as
 * is; the rest are the figures.
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record BudgetAlert(
    String text,
    long budgetId,
    String scope,
    String period,
    String periodKey,
    String subject,
    double threshold,
    String action,
    BigDecimal limitUsd,
    Long limitTokens,
    BigDecimal usedUsd,
    long usedTokens,
    long unknownCostRequests,
    double usedRatio,
    Instant firedAt) {

  static BudgetAlert of(Budget budget, BudgetUse use, int percent, Instant now) {
    String text =
        "Budget "
            + budget.id
            + " ("
            + budget.scope.wireName()
            + ", per "
            + budget.period.wireName()
            + ") passed "
            + percent
            + "% for "
            + use.subject()
            + ": "
            + use.text()
            + (percent >= 100 && budget.action == BudgetAction.BLOCK
                ? "; the agent's tool calls and prompts are now refused"
                : "");
    return new BudgetAlert(
        text,
        budget.id,
        budget.scope.wireName(),
        budget.period.wireName(),
        use.periodKey(),
        use.subject(),
        percent / 100.0,
        budget.action.wireName(),
        budget.limitUsd,
        budget.limitTokens,
        use.usedUsd(),
        use.usedTokens(),
        use.unknownCostRequests(),
        use.usedRatio(),
        now);
  }
}
