package dev.sessionsidecar.budget;

import dev.sessionsidecar.platform.WireName;
import java.util.List;
import java.util.Optional;

/** Whose spend a budget caps: each session, a project (or each), this sidecar, or the fleet. */
public enum BudgetScope implements WireName {
  SESSION,
  PROJECT,
  INSTANCE,
  FLEET;

  /** Whether the budget names a project (or applies to each project when it names none). */
  boolean perProject() {
    return this == SESSION || this == PROJECT;
  }

  static Optional<BudgetScope> fromWire(String name) {
    return WireName.fromWire(BudgetScope.class, name);
  }

  static List<String> wireNames() {
    return WireName.wireNames(BudgetScope.class);
  }
}
