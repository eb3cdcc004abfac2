package dev.sessionsidecar.insight.ponder;

import dev.sessionsidecar.insight.Finding;
import java.util.List;

/** All the pondering's rules, applied to one project's history. */
public final class PonderRules {

  private static final List<PonderRule> RULES =
      List.of(
          new RepeatedFailureRule(),
          new RetryLoopRule(),
          new SlowToolRule(),
          new CostOutlierRule(),
          new UnpricedModelRule(),
          new ToolChainRule());

  private PonderRules() {}

  /** Every rule's findings, in rule order. */
  public static List<Finding> findings(ProjectHistory history) {
    return RULES.stream().flatMap(rule -> rule.findings(history).stream()).toList();
  }
}
