package dev.sessionsidecar.usage;

/** Where a record's cost came from: the caller, the price table, or nowhere (never summed as 0). */
public enum CostSource {
  REPORTED,
  ESTIMATED,
  UNKNOWN;

  public String wireName() {
    return name().toLowerCase(java.util.Locale.ROOT);
  }
}
