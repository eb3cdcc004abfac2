package dev.sessionsidecar.usage;

import dev.sessionsidecar.session.CurrentSession;
import jakarta.enterprise.context.ApplicationScoped;
import java.math.BigDecimal;
import java.util.Objects;
import java.util.Optional;

/**
 * Prices a usage record (the agent's own cost, else our estimate), and corrects a stored one when a
 * later report of the same call tells what the first lacked, moving the rollups and the session's
 * spend with it.
 */
@ApplicationScoped
class RecordPricing {

  private final PriceTable prices;
  private final UsageRollups rollups;
  private final CurrentSession current;

  RecordPricing(PriceTable prices, UsageRollups rollups, CurrentSession current) {
    this.prices = prices;
    this.rollups = rollups;
    this.current = current;
  }

  /**
   * A repeat of a stored call (the same request id from another source) adds what the first report
   * lacked: the agent's own cost, the 1-hour part of the cache writes, the web searches, where it
   * ran, how fast, the latency. The rollups and the session's spend move with the cost; tokens
   * never change, the first report's stay.
   */
  void fillIn(UsageRecord stored, RecordUsageRequest repeat) {
    UsageTotals before = UsageTotals.ZERO.plus(stored);
    BigDecimal costBefore = stored.costUsd;
    boolean priced = learnPricedFacts(stored, repeat);
    boolean reported = stored.costSource != CostSource.REPORTED && repeat.costUsd() != null;
    boolean latency = stored.latencyMs == null && repeat.latencyMs() != null;
    if (!priced && !reported && !latency) {
      return;
    }
    if (latency) {
      stored.latencyMs = repeat.latencyMs();
    }
    if (reported || stored.costSource == CostSource.ESTIMATED) {
      price(stored, reported ? repeat.costUsd() : null);
    }
    rollups.correct(stored, before);
    if (stored.sessionId != null && !Objects.equals(costBefore, stored.costUsd)) {
      current.recharge(stored.sessionId, costBefore, stored.costUsd);
    }
  }

  /** What the repeat tells of the price that the stored record does not know; whether it did. */
  private static boolean learnPricedFacts(UsageRecord stored, RecordUsageRequest repeat) {
    boolean learned = false;
    if (stored.cacheWrite1hTokens == null
        && repeat.cacheWrite1hTokens() != null
        && stored.cacheWriteTokens == repeat.cacheWrite()) {
      stored.cacheWrite1hTokens = repeat.cacheWrite1hTokens();
      learned = true;
    }
    if (stored.webSearchRequests == null && repeat.webSearchRequests() != null) {
      stored.webSearchRequests = repeat.webSearchRequests();
      learned = true;
    }
    if (stored.inferenceGeo == null && repeat.inferenceGeo() != null) {
      stored.inferenceGeo = repeat.inferenceGeo();
      learned = true;
    }
    if (stored.speed == null && repeat.speed() != null) {
      stored.speed = repeat.speed();
      learned = true;
    }
    return learned;
  }

  /** The agent's own cost when it reported one, else our estimate from the price table. */
  void price(UsageRecord r, BigDecimal reported) {
    if (reported != null) {
      r.costUsd = reported;
      r.costSource = CostSource.REPORTED;
      r.priceVersion = null;
      return;
    }
    Optional<ModelPrice> price = prices.find(r.provider, r.model);
    if (price.isPresent()) {
      r.costUsd = CostEstimator.estimate(price.get(), r.tokens());
      r.costSource = CostSource.ESTIMATED;
      r.priceVersion = prices.version();
    } else {
      r.costSource = CostSource.UNKNOWN;
    }
  }
}
