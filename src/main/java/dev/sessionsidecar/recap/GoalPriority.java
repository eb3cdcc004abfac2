package dev.sessionsidecar.recap;

import java.util.Locale;

/** How much a goal matters; declared from most to least, so the ordinal ranks them. */
public enum GoalPriority {
  CRITICAL,
  HIGH,
  MEDIUM,
  LOW;

  static final String WIRE = "low, medium, high, critical";
  static final String PATTERN = "low|medium|high|critical";

  public String wireName() {
    return name().toLowerCase(Locale.ROOT);
  }

  static GoalPriority fromWire(String name) {
    return valueOf(name.toUpperCase(Locale.ROOT));
  }
}
