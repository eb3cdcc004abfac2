package dev.sessionsidecar.usage;

import dev.sessionsidecar.platform.WireName;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.temporal.TemporalAdjusters;
import java.util.List;
import java.util.Optional;

/**
 * How {@code usage_stats} groups: by fixed rollup columns (never caller text); by day, week (from
 * Sunday, as ccusage) or month, summed from the daily rollups; by session or 5-hour billing block,
 * from the records.
 */
public enum UsageGrouping implements WireName {
  ROLE("call_role"),
  PROVIDER("provider"),
  MODEL("model"),
  PROVIDER_MODEL("provider, model"),
  DAY("usage_day"),
  WEEK("usage_day"),
  MONTH("usage_day"),
  SESSION(null),
  BLOCK(null);

  private final String columns;

  UsageGrouping(String columns) {
    this.columns = columns;
  }

  String columns() {
    return columns;
  }

  /** Whether the groups are periods of time, listed newest first rather than costliest. */
  public boolean inTime() {
    return this == DAY || this == WEEK || this == MONTH || this == BLOCK;
  }

  /** The period a day falls in, as the group's name: a day, a week's Sunday, a month. */
  String periodOf(LocalDate day) {
    return switch (this) {
      case WEEK -> day.with(TemporalAdjusters.previousOrSame(DayOfWeek.SUNDAY)).toString();
      case MONTH -> YearMonth.from(day).toString();
      default -> day.toString();
    };
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
