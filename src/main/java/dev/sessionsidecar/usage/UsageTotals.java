package dev.sessionsidecar.usage;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.LongStream;

/**
 * One rollup row's totals, column by column: what records add to a rollup row, and what a sum over
 * rollup rows reads back. {@link #COLUMNS} lists the columns in the order {@link #values} binds
 * them and {@link #read} reads them.
 */
record UsageTotals(
    long requests,
    long errors,
    long inputTokens,
    long outputTokens,
    long cacheReadTokens,
    long cacheWriteTokens,
    long reasoningTokens,
    long reportedRequests,
    long estimatedRequests,
    long unknownCostRequests,
    long latencyRequests,
    long latencySumMs,
    List<Long> latencyBuckets,
    BigDecimal reportedCostUsd,
    BigDecimal estimatedCostUsd) {

  /** The rollup's columns: the counters, the latency buckets, then the two costs. */
  static final List<String> COLUMNS = columns();

  static final UsageTotals ZERO =
      new UsageTotals(
          0,
          0,
          0,
          0,
          0,
          0,
          0,
          0,
          0,
          0,
          0,
          0,
          LongStream.range(0, LatencyBuckets.COUNT).mapToObj(i -> 0L).toList(),
          BigDecimal.ZERO,
          BigDecimal.ZERO);

  private static List<String> columns() {
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
    columns.add("reported_cost_usd");
    columns.add("estimated_cost_usd");
    return List.copyOf(columns);
  }

  /** These totals with one more record. */
  UsageTotals plus(UsageRecord r) {
    return plus(RecordedUse.of(r));
  }

  /** These totals with one more record's use. */
  UsageTotals plus(RecordedUse r) {
    CostSource source = r.costSource();
    List<Long> buckets = latencyBuckets;
    if (r.latencyMs() != null) {
      int bucket = LatencyBuckets.index(r.latencyMs());
      buckets = new ArrayList<>(latencyBuckets);
      buckets.set(bucket, buckets.get(bucket) + 1);
    }
    return new UsageTotals(
        requests + 1,
        errors + (r.ok() ? 0 : 1),
        inputTokens + r.inputTokens(),
        outputTokens + r.outputTokens(),
        cacheReadTokens + r.cacheReadTokens(),
        cacheWriteTokens + r.cacheWriteTokens(),
        reasoningTokens + r.reasoningTokens(),
        reportedRequests + (source == CostSource.REPORTED ? 1 : 0),
        estimatedRequests + (source == CostSource.ESTIMATED ? 1 : 0),
        unknownCostRequests + (source == CostSource.UNKNOWN ? 1 : 0),
        latencyRequests + (r.latencyMs() == null ? 0 : 1),
        latencySumMs + (r.latencyMs() == null ? 0 : r.latencyMs()),
        buckets,
        source == CostSource.REPORTED ? reportedCostUsd.add(r.costUsd()) : reportedCostUsd,
        source == CostSource.ESTIMATED ? estimatedCostUsd.add(r.costUsd()) : estimatedCostUsd);
  }

  /** What these totals have beyond {@code other}, column by column (a correction's delta). */
  UsageTotals minus(UsageTotals other) {
    return combined(other, -1);
  }

  /** These totals and {@code other}'s, column by column (days summed into a week). */
  UsageTotals plus(UsageTotals other) {
    return combined(other, 1);
  }

  private UsageTotals combined(UsageTotals other, int sign) {
    List<Object> mine = values();
    List<Object> theirs = other.values();
    Object[] combined = new Object[mine.size()];
    for (int i = 0; i < combined.length; i++) {
      combined[i] =
          mine.get(i) instanceof BigDecimal d
              ? d.add(((BigDecimal) theirs.get(i)).multiply(BigDecimal.valueOf(sign)))
              : (Long) mine.get(i) + sign * (Long) theirs.get(i);
    }
    return read(combined, 0);
  }

  /** The values in the order of {@link #COLUMNS}, to bind to a statement. */
  List<Object> values() {
    List<Object> values =
        new ArrayList<>(
            List.of(
                requests,
                errors,
                inputTokens,
                outputTokens,
                cacheReadTokens,
                cacheWriteTokens,
                reasoningTokens,
                reportedRequests,
                estimatedRequests,
                unknownCostRequests,
                latencyRequests,
                latencySumMs));
    values.addAll(latencyBuckets);
    values.add(reportedCostUsd);
    values.add(estimatedCostUsd);
    return values;
  }

  /** Reads a row of sums laid out as {@link #COLUMNS}, starting at {@code offset}. */
  static UsageTotals read(Object[] row, int offset) {
    Cells cells = new Cells(row, offset);
    return new UsageTotals(
        cells.count(),
        cells.count(),
        cells.count(),
        cells.count(),
        cells.count(),
        cells.count(),
        cells.count(),
        cells.count(),
        cells.count(),
        cells.count(),
        cells.count(),
        cells.count(),
        LongStream.range(0, LatencyBuckets.COUNT).mapToObj(i -> cells.count()).toList(),
        cells.dollars(),
        cells.dollars());
  }

  /** The cells of a row of sums, read in order; a sum over no rows is null and reads as zero. */
  private static final class Cells {
    private final Object[] row;
    private int next;

    Cells(Object[] row, int offset) {
      this.row = row;
      this.next = offset;
    }

    long count() {
      Object value = row[next++];
      return value == null ? 0 : ((Number) value).longValue();
    }

    BigDecimal dollars() {
      Object value = row[next++];
      if (value == null) {
        return BigDecimal.ZERO;
      }
      return value instanceof BigDecimal d ? d : new BigDecimal(value.toString());
    }
  }

  UsageFigures figures() {
    return new UsageFigures(
        requests,
        errors,
        inputTokens,
        outputTokens,
        cacheReadTokens,
        cacheWriteTokens,
        reasoningTokens,
        Dollars.plain(reportedCostUsd.add(estimatedCostUsd)),
        Dollars.plain(reportedCostUsd),
        Dollars.plain(estimatedCostUsd),
        reportedRequests,
        estimatedRequests,
        unknownCostRequests,
        latencyRequests,
        latencyRequests == 0 ? null : latencySumMs / latencyRequests,
        LatencyBuckets.p95(latencyBuckets.stream().mapToLong(Long::longValue).toArray()));
  }
}
