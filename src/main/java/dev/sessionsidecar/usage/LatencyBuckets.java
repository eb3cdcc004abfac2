package dev.sessionsidecar.usage;

/**
 * The fixed latency buckets of the rollups. A bucket counts calls up to its upper bound; the last
 * counts everything slower. p95 is reported as the upper bound of the bucket that holds it.
 */
final class LatencyBuckets {

  /** Upper bounds in milliseconds; the migration's comment lists the same numbers. */
  static final long[] BOUNDS_MS = {
    100, 250, 500, 1_000, 2_000, 5_000, 10_000, 20_000, 30_000, 60_000, 120_000, 300_000, 600_000
  };

  /** Number of buckets: one per bound and one for slower calls. */
  static final int COUNT = BOUNDS_MS.length + 1;

  private LatencyBuckets() {}

  static int index(long latencyMs) {
    for (int i = 0; i < BOUNDS_MS.length; i++) {
      if (latencyMs <= BOUNDS_MS[i]) {
        return i;
      }
    }
    return BOUNDS_MS.length;
  }

  /**
   * The upper bound of the bucket holding the 95th percentile, or null when there are no latencies
   * or it lies in the open last bucket.
   */
  static Long p95(long[] counts) {
    long total = 0;
    for (long c : counts) {
      total += c;
    }
    if (total == 0) {
      return null;
    }
    long rank = (long) Math.ceil(total * 0.95);
    long seen = 0;
    for (int i = 0; i < counts.length; i++) {
      seen += counts[i];
      if (seen >= rank) {
        return i < BOUNDS_MS.length ? BOUNDS_MS[i] : null;
      }
    }
    return null;
  }
}
