package dev.sessionsidecar.budget;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * How much of a budget one subject has used in the current period. USD counts reported and
 * estimated cost; requests of unknown cost count toward tokens, never as $0 toward USD: they are
 * counted apart.
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record BudgetUse(
    String subject,
    String periodKey,
    BigDecimal usedUsd,
    long usedTokens,
    long unknownCostRequests,
    double usedRatio,
    String text) {

  static BudgetUse of(Budget budget, Subject subject, String periodKey, Spend spend) {
    double ratio = 0;
    StringBuilder text = new StringBuilder();
    if (budget.limitUsd != null) {
      ratio = Math.max(ratio, spend.usd().doubleValue() / budget.limitUsd.doubleValue());
      text.append(usd(spend.usd())).append(" of ").append(usd(budget.limitUsd));
      if (spend.unknownCostRequests() > 0) {
        text.append(" plus ")
            .append(spend.unknownCostRequests())
            .append(spend.unknownCostRequests() == 1 ? " request" : " requests")
            .append(" of unknown cost");
      }
    }
    if (budget.limitTokens != null) {
      ratio = Math.max(ratio, (double) spend.tokens() / budget.limitTokens);
      text.append(text.isEmpty() ? "" : ", ")
          .append(spend.tokens())
          .append(" of ")
          .append(budget.limitTokens)
          .append(" tokens");
    }
    text.append(" (").append(Math.round(ratio * 100)).append("%)");
    return new BudgetUse(
        subject.key(),
        periodKey,
        spend.usd().stripTrailingZeros(),
        spend.tokens(),
        spend.unknownCostRequests(),
        ratio,
        text.toString());
  }

  /** Whether the limit is reached. */
  public boolean exhausted() {
    return usedRatio >= 1.0;
  }

  private static String usd(BigDecimal amount) {
    return "$" + amount.setScale(2, RoundingMode.HALF_UP).toPlainString();
  }

  /** What a subject spent in a period: dollars of known cost, tokens in and out, unknown ones. */
  record Spend(BigDecimal usd, long tokens, long unknownCostRequests) {}
}
