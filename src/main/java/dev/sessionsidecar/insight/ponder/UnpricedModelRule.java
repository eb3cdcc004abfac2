package dev.sessionsidecar.insight.ponder;

import dev.sessionsidecar.insight.Evidence;
import dev.sessionsidecar.insight.Finding;
import dev.sessionsidecar.insight.InsightSource;
import java.util.List;

/**
 * A model with no known price: its records count no cost, so totals understate spending. A fact,
 * not a guess, and it implies an action: a proactive suggestion with confidence 0.9. Key {@code
 * unpriced_model:<provider>/<model>}.
 */
final class UnpricedModelRule implements PonderRule {

  static final String KIND = "unpriced_model";
  static final double CONFIDENCE = 0.9;

  @Override
  public List<Finding> findings(ProjectHistory history) {
    return history.unpriced().stream().map(UnpricedModelRule::finding).toList();
  }

  private static Finding finding(UnpricedModel unpriced) {
    String name = unpriced.provider() + "/" + unpriced.model();
    return new Finding(
        InsightSource.PROACTIVE,
        KIND,
        "No price known for "
            + name
            + ": "
            + unpriced.requests()
            + (unpriced.requests() == 1 ? " request" : " requests")
            + " without a cost",
        "Report cost_usd with each record, or add the model to the file named by"
            + " sidecar.usage.prices-file, so its cost is counted.",
        List.of(
            new Evidence("model", name, null, unpriced.requests() + " requests without a price"),
            new Evidence(
                "usage_record", Long.toString(unpriced.latestRecordId()), null, "latest of them")),
        CONFIDENCE,
        KIND + ":" + name);
  }
}
