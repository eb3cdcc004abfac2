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
    // In decimals, rounded down: 0.29 of 1 is 29%, never 28.999...%, and never used up early.
    BigDecimal ratio = BigDecimal.ZERO;
    StringBuilder text = new StringBuilder();
    if (budget.limitUsd != null) {
      ratio = ratio.max(spend.usd().divide(budget.limitUsd, 6, RoundingMode.DOWN));
      text.append(usd(spend.usd())).append(" of ").append(usd(budget.limitUsd));
      if (spend.unknownCostRequests() > 0) {
        text.append(" plus ")
            .append(spend.unknownCostRequests())
            .append(spend.unknownCostRequests() == 1 ? " request" : " requests")
            .append(" of unknown cost");
      }
    }
    if (budget.limitTokens != null) {
      ratio =
          ratio.max(
              BigDecimal.valueOf(spend.tokens())
                  .divide(BigDecimal.valueOf(budget.limitTokens), 6, RoundingMode.DOWN));
      text.append(text.isEmpty() ? "" : ", ")
          .append(spend.tokens())
          .append(" of ")
          .append(budget.limitTokens)
          .append(" tokens");
    }
    text.append(" (")
        .append(ratio.movePointRight(2).setScale(0, RoundingMode.DOWN).toPlainString())
        .append("%)");
    return new BudgetUse(
        subject.key(),
        periodKey,
        spend.usd().stripTrailingZeros(),
        spend.tokens(),
        spend.unknownCostRequests(),
        ratio.setScale(4, RoundingMode.DOWN).doubleValue(),
        text.toString());
  }

  /** Whether the limit is reached. */
  public boolean exhausted() {
    return usedRatio >= 1.0;
  }

  /** Dollars to the cent, or to a hundredth of a cent when that shows more: $5.00, $0.0225. */
  private static String usd(BigDecimal amount) {
    BigDecimal fine = amount.setScale(4, RoundingMode.HALF_UP).stripTrailingZeros();
    return "$" + (fine.scale() <= 2 ? fine.setScale(2) : fine).toPlainString();
  }

  /** What a subject spent in a period: dollars of known cost, tokens in and out, unknown ones. */
  record Spend(BigDecimal usd, long tokens, long unknownCostRequests) {}
}
