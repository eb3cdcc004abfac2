package dev.sessionsidecar.usage;

import dev.sessionsidecar.platform.WireName;
import java.util.List;
import java.util.Optional;

/** How {@code usage_stats} groups: each value names fixed rollup columns, never caller text. */
public enum UsageGrouping implements WireName {
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

  public static Optional<UsageGrouping> fromWire(String name) {
    return WireName.fromWire(UsageGrouping.class, name);
  }

  public static List<String> wireNames() {
    return WireName.wireNames(UsageGrouping.class);
  }
}
