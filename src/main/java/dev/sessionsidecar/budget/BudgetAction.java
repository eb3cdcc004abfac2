package dev.sessionsidecar.budget;

import dev.sessionsidecar.platform.WireName;
import java.util.List;
import java.util.Optional;

/** What happens once a budget is used up: a warning, or the agent is stopped through its hooks. */
public enum BudgetAction implements WireName {
  WARN,
  BLOCK;

  static Optional<BudgetAction> fromWire(String name) {
    return WireName.fromWire(BudgetAction.class, name);
  }

  static List<String> wireNames() {
    return WireName.wireNames(BudgetAction.class);
  }
}
