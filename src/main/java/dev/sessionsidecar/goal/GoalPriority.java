package dev.sessionsidecar.goal;

import dev.sessionsidecar.platform.WireName;
import java.util.Locale;

/** How much a goal matters; declared from most to least, so the ordinal ranks them. */
public enum GoalPriority implements WireName {
  CRITICAL,
  HIGH,
  MEDIUM,
  LOW;

  static final String WIRE = "low, medium, high, critical";
  static final String PATTERN = "low|medium|high|critical";

  static GoalPriority fromWire(String name) {
    return valueOf(name.toUpperCase(Locale.ROOT));
  }
}
