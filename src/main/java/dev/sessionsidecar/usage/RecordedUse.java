package dev.sessionsidecar.usage;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * What one usage record used and cost, and when: the part of a record that totals add up, read
 * without the rest of it when a report folds thousands of records (blocks, sessions).
 */
record RecordedUse(
    Instant createdAt,
    String sessionId,
    boolean ok,
    long inputTokens,
    long outputTokens,
    long cacheReadTokens,
    long cacheWriteTokens,
    long reasoningTokens,
    Long latencyMs,
    CostSource costSource,
    BigDecimal costUsd) {

  /** The select list that fills one, in constructor order, for records aliased {@code r}. */
  static final String COLUMNS =
      "r.createdAt, r.sessionId, r.ok, r.inputTokens, r.outputTokens, r.cacheReadTokens,"
          + " r.cacheWriteTokens, r.reasoningTokens, r.latencyMs, r.costSource, r.costUsd";

  static RecordedUse of(UsageRecord r) {
    return new RecordedUse(
        r.createdAt,
        r.sessionId,
        r.ok,
        r.inputTokens,
        r.outputTokens,
        r.cacheReadTokens,
        r.cacheWriteTokens,
        r.reasoningTokens,
        r.latencyMs,
        r.costSource,
        r.costUsd);
  }
}
