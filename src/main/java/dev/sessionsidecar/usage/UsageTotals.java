package dev.sessionsidecar.usage;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * Running totals of usage, one counter per rollup column: what a record adds to a rollup row, and
 * what a sum over rollup rows reads back.
 */
final class UsageTotals {

  static final int REQUESTS = 0;
  static final int ERRORS = 1;
  static final int INPUT = 2;
  static final int OUTPUT = 3;
  static final int CACHE_READ = 4;
  static final int CACHE_WRITE = 5;
  static final int REASONING = 6;
  static final int REPORTED = 7;
  static final int ESTIMATED = 8;
  static final int UNKNOWN_COST = 9;
  static final int LATENCY_REQUESTS = 10;
  static final int LATENCY_SUM = 11;
  static final int FIRST_BUCKET = 12;

  /** The rollup's counter columns, in the order of the indexes above. */
  static final List<String> COUNTER_COLUMNS = counterColumns();

  /** The rollup's cost columns: reported, then estimated. */
  static final List<String> COST_COLUMNS = List.of("reported_cost_usd", "estimated_cost_usd");

  final long[] counters = new long[COUNTER_COLUMNS.size()];
  BigDecimal reportedCost = BigDecimal.ZERO;
  BigDecimal estimatedCost = BigDecimal.ZERO;

  private static List<String> counterColumns() {
    List<String> columns =
        new ArrayList<>(
            List.of(
                "requests",
                "errors",
                "input_tokens",
                "output_tokens",
                "cache_read_tokens",
                "cache_write_tokens",
                "reasoning_tokens",
                "reported_requests",
                "estimated_requests",
                "unknown_cost_requests",
                "latency_requests",
                "latency_sum_ms"));
    for (int i = 0; i < LatencyBuckets.COUNT; i++) {
      columns.add("lat_b" + i);
    }
    return List.copyOf(columns);
  }

  void add(UsageRecord r) {
    counters[REQUESTS]++;
    counters[ERRORS] += r.ok ? 0 : 1;
    counters[INPUT] += r.inputTokens;
    counters[OUTPUT] += r.outputTokens;
    counters[CACHE_READ] += r.cacheReadTokens;
    counters[CACHE_WRITE] += r.cacheWriteTokens;
    counters[REASONING] += r.reasoningTokens;
    switch (r.costSource) {
      case REPORTED -> {
        counters[REPORTED]++;
        reportedCost = reportedCost.add(r.costUsd);
      }
      case ESTIMATED -> {
        counters[ESTIMATED]++;
        estimatedCost = estimatedCost.add(r.costUsd);
      }
      case UNKNOWN -> counters[UNKNOWN_COST]++;
    }
    if (r.latencyMs != null) {
      counters[LATENCY_REQUESTS]++;
      counters[LATENCY_SUM] += r.latencyMs;
      counters[FIRST_BUCKET + LatencyBuckets.index(r.latencyMs)]++;
    }
  }

  /** Reads a row of SUMs laid out as the counter columns, then the cost columns. */
  static UsageTotals fromRow(Object[] row, int offset) {
    UsageTotals totals = new UsageTotals();
    for (int i = 0; i < totals.counters.length; i++) {
      Object value = row[offset + i];
      totals.counters[i] = value == null ? 0 : ((Number) value).longValue();
    }
    totals.reportedCost = decimal(row[offset + totals.counters.length]);
    totals.estimatedCost = decimal(row[offset + totals.counters.length + 1]);
    return totals;
  }

  private static BigDecimal decimal(Object value) {
    if (value == null) {
      return BigDecimal.ZERO;
    }
    return value instanceof BigDecimal d ? d : new BigDecimal(value.toString());
  }

  UsageFigures figures() {
    long[] buckets = new long[LatencyBuckets.COUNT];
    System.arraycopy(counters, FIRST_BUCKET, buckets, 0, buckets.length);
    long latencyRequests = counters[LATENCY_REQUESTS];
    return new UsageFigures(
        counters[REQUESTS],
        counters[ERRORS],
        counters[INPUT],
        counters[OUTPUT],
        counters[CACHE_READ],
        counters[CACHE_WRITE],
        counters[REASONING],
        Dollars.plain(reportedCost.add(estimatedCost)),
        Dollars.plain(reportedCost),
        Dollars.plain(estimatedCost),
        counters[REPORTED],
        counters[ESTIMATED],
        counters[UNKNOWN_COST],
        latencyRequests,
        latencyRequests == 0 ? null : counters[LATENCY_SUM] / latencyRequests,
        LatencyBuckets.p95(buckets));
  }
}
