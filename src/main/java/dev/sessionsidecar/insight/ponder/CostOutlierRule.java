package dev.sessionsidecar.insight.ponder;

import dev.sessionsidecar.insight.Finding;
import dev.sessionsidecar.insight.InsightSource;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A session whose cost is far above the project's usual. With at least 5 other sessions that cost
 * something, a session costing r ≥ 3 times their median: confidence = min(0.9, 0.4 + 0.15 log2(r /
 * 3)). Key {@code cost_outlier:session:<session>}.
 */
final class CostOutlierRule implements PonderRule {

  static final String KIND = "cost_outlier";
  static final int MIN_OTHERS = 5;
  static final double MIN_RATIO = 3;

  @Override
  public List<Finding> findings(ProjectHistory history) {
    List<Finding> findings = new ArrayList<>();
    Map<String, BigDecimal> costs = history.sessionCosts();
    costs.forEach(
        (session, cost) -> {
          List<Double> others =
              costs.entrySet().stream()
                  .filter(e -> !e.getKey().equals(session) && e.getValue().signum() > 0)
                  .map(e -> e.getValue().doubleValue())
                  .sorted()
                  .toList();
          if (others.size() < MIN_OTHERS) {
            return;
          }
          double median = Quantiles.median(others);
          double ratio = cost.doubleValue() / median;
          if (ratio >= MIN_RATIO) {
            findings.add(finding(session, cost, median, others.size(), ratio));
          }
        });
    return findings;
  }

  private static Finding finding(
      String session, BigDecimal cost, double median, int others, double ratio) {
    String usual = String.format(Locale.ROOT, "$%.4f", median);
    String spent = String.format(Locale.ROOT, "$%.4f", cost.doubleValue());
    return new Finding(
        InsightSource.PONDERING,
        KIND,
        "Session " + session + " cost " + spent + ", " + Math.round(ratio) + "× the usual " + usual,
        "The median cost of the project's other " + others + " recent sessions is " + usual + ".",
        List.of(EvidenceOf.session(session, "cost " + spent + " vs median " + usual)),
        Quantiles.confidence(0.4 + 0.15 * Quantiles.log2(ratio / MIN_RATIO), 0.9),
        KIND + ":session:" + session);
  }
}
