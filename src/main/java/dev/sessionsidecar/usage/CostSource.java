package dev.sessionsidecar.usage;

import java.util.Locale;

/** Where a record's cost came from: the caller, the price table, or nowhere (never summed as 0). */
public enum CostSource {
  REPORTED,
  ESTIMATED,
  UNKNOWN;

  public String wireName() {
    return name().toLowerCase(Locale.ROOT);
  }
}
