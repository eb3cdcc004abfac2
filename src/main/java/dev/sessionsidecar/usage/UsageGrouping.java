package dev.sessionsidecar.usage;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** How {@code usage_stats} groups: each value names fixed rollup columns, never caller text. */
public enum UsageGrouping {
  ROLE("call_role"),
  PROVIDER("provider"),
  MODEL("model"),
  PROVIDER_MODEL("provider, model");

  private final String columns;

  UsageGrouping(String columns) {
    this.columns = columns;
  }

  String columns() {
    return columns;
  }

  int columnCount() {
    return columns.split(",").length;
  }

  public String wireName() {
    return name().toLowerCase(Locale.ROOT);
  }

  public static Optional<UsageGrouping> fromWire(String name) {
    return Arrays.stream(values()).filter(g -> g.wireName().equals(name)).findFirst();
  }

  public static List<String> wireNames() {
    return Arrays.stream(values()).map(UsageGrouping::wireName).toList();
  }
}
