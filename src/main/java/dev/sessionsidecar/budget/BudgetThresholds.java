package dev.sessionsidecar.budget;

import dev.sessionsidecar.platform.ApiException;
import java.math.BigDecimal;
import java.util.List;

/** The alert thresholds of a budget: fractions of its limit, each in (0, 1], ascending. */
final class BudgetThresholds {

  static final List<Double> DEFAULT = List.of(0.5, 0.8, 1.0);

  static final int MAX = 10;

  private BudgetThresholds() {}

  /** The thresholds given, or the default; a 400 on {@code thresholds} when they break a rule. */
  static List<Double> checked(List<Double> given) {
    if (given == null) {
      return DEFAULT;
    }
    if (given.isEmpty() || given.size() > MAX) {
      throw invalid("must hold 1 to " + MAX + " fractions");
    }
    double previous = 0;
    for (Double fraction : given) {
      if (fraction == null || fraction <= 0 || fraction > 1) {
        throw invalid("must be fractions of the limit in (0, 1], e.g. [0.5, 0.8, 1]");
      }
      if (BigDecimal.valueOf(fraction).stripTrailingZeros().scale() > 2) {
        throw invalid("must be whole percentages: at most 2 decimal places, e.g. 0.75");
      }
      if (fraction <= previous) {
        throw invalid("must be in ascending order without repeats, e.g. [0.5, 0.8, 1]");
      }
      previous = fraction;
    }
    return given;
  }

  private static ApiException invalid(String rule) {
    return ApiException.invalidArgument("thresholds", rule);
  }
}
