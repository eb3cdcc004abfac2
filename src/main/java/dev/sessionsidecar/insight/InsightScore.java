package dev.sessionsidecar.insight;

import java.time.Duration;
import java.time.Instant;

/**
 * How insights are ranked: {@code score = confidence × (0.5 + 0.5 × 2^(−age_days / 7))}, where age
 * is the time since the finding was last seen. A fresh finding scores its confidence; one not seen
 * for a week scores three quarters of it; an old one never drops below half, so a confident old
 * finding still outranks a doubtful new one.
 */
public final class InsightScore {

  static final double HALF_LIFE_DAYS = 7;

  /** The formula as readers are told it. */
  public static final String FORMULA =
      "score = confidence x (0.5 + 0.5 x 2^(-days since last seen / 7))";

  private InsightScore() {}

  public static double of(double confidence, Instant lastSeen, Instant now) {
    double ageDays = Math.max(0, Duration.between(lastSeen, now).toSeconds() / 86_400.0);
    double recency = Math.pow(2, -ageDays / HALF_LIFE_DAYS);
    return round(confidence * (0.5 + 0.5 * recency));
  }

  /** Three decimals: enough to rank, short to read. */
  static double round(double value) {
    return Math.round(value * 1000) / 1000.0;
  }
}
