package dev.sessionsidecar.budget;

import dev.sessionsidecar.platform.WireName;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.IsoFields;
import java.time.temporal.TemporalAdjusters;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The stretch of time a budget's spend adds up over: a session's whole life, or the current day,
 * ISO week (from Monday) or month in the usage time zone (UTC unless set). Each has a key, so a
 * threshold fires once per period.
 */
public enum BudgetPeriod implements WireName {
  SESSION,
  DAY,
  WEEK,
  MONTH;

  /** The first day in {@code zone} of the period that holds {@code now}; null for a session's. */
  LocalDate firstDay(Instant now, ZoneId zone) {
    LocalDate today = now.atZone(zone).toLocalDate();
    return switch (this) {
      case SESSION -> null;
      case DAY -> today;
      case WEEK -> today.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
      case MONTH -> today.withDayOfMonth(1);
    };
  }

  /** The instant the period began (EPOCH for a session's life). */
  Instant start(Instant now, ZoneId zone) {
    LocalDate first = firstDay(now, zone);
    return first == null ? Instant.EPOCH : first.atStartOfDay(zone).toInstant();
  }

  /** The period's name: {@code session}, {@code 2026-12-02}, {@code 2026-W49}, {@code 2026-12}. */
  String key(Instant now, ZoneId zone) {
    LocalDate today = now.atZone(zone).toLocalDate();
    return switch (this) {
      case SESSION -> "session";
      case DAY -> today.toString();
      case WEEK ->
          String.format(
              Locale.ROOT,
              "%d-W%02d",
              today.get(IsoFields.WEEK_BASED_YEAR),
              today.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR));
      case MONTH -> today.toString().substring(0, 7);
    };
  }

  static Optional<BudgetPeriod> fromWire(String name) {
    return WireName.fromWire(BudgetPeriod.class, name);
  }

  static List<String> wireNames() {
    return WireName.wireNames(BudgetPeriod.class);
  }
}
