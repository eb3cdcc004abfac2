package dev.sessionsidecar.insight.ponder;

import java.util.List;

/** Nearest-rank quantiles over small samples, as the rules' formulas use them. */
final class Quantiles {

  private Quantiles() {}

  /**
   * The value at quantile {@code q} (0..1) by nearest rank; the list must be sorted and not empty.
   */
  static double of(List<? extends Number> sorted, double q) {
    int rank = (int) Math.ceil(q * sorted.size());
    return sorted.get(Math.max(0, rank - 1)).doubleValue();
  }

  static double median(List<? extends Number> sorted) {
    int n = sorted.size();
    double middle = sorted.get(n / 2).doubleValue();
    return n % 2 == 1 ? middle : (sorted.get(n / 2 - 1).doubleValue() + middle) / 2;
  }

  /** Base-2 logarithm. */
  static double log2(double value) {
    return Math.log(value) / Math.log(2);
  }

  /** A confidence: clamped to [0, cap] and rounded to two decimals. */
  static double confidence(double raw, double cap) {
    return Math.round(Math.max(0, Math.min(cap, raw)) * 100) / 100.0;
  }
}
