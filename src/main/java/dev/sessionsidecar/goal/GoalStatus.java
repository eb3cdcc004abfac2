package dev.sessionsidecar.goal;

import dev.sessionsidecar.platform.WireName;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/** Where a goal stands; the first three are active and show in the recap. */
public enum GoalStatus implements WireName {
  PLANNING,
  IN_PROGRESS,
  BLOCKED,
  COMPLETED,
  ABANDONED;

  static final String WIRE = "planning, in_progress, blocked, completed, abandoned";
  static final String PATTERN = "planning|in_progress|blocked|completed|abandoned";

  public static final Set<GoalStatus> ACTIVE = Set.of(PLANNING, IN_PROGRESS, BLOCKED);

  static GoalStatus fromWire(String name) {
    return valueOf(name.toUpperCase(Locale.ROOT));
  }

  static List<String> wireNames() {
    return WireName.wireNames(GoalStatus.class);
  }
}
