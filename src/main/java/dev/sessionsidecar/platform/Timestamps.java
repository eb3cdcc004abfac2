package dev.sessionsidecar.platform;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The sidecar's clock: UTC to the microsecond (what the database keeps), and strictly increasing,
 * so "most recently started" and "newest activity" never tie between two requests.
 */
@ApplicationScoped
public class Timestamps {

  private final Clock clock;
  private final AtomicLong lastMicros = new AtomicLong();

  Timestamps(Clock clock) {
    this.clock = clock;
  }

  /** How far ahead of this clock a reported time may be (the caller's clock skew). */
  public static final Duration MAX_SKEW = Duration.ofMinutes(5);

  /**
   * A time a caller reported, to the microsecond; one more than {@link #MAX_SKEW} ahead of this
   * clock is refused as an invalid {@code field}.
   */
  public Instant reported(String field, Instant reported) {
    Instant now = now();
    if (reported.isAfter(now.plus(MAX_SKEW))) {
      throw ApiException.invalidArgument(
          field, "is more than 5 minutes in the future of the sidecar's clock (" + now + ")");
    }
    return reported.truncatedTo(ChronoUnit.MICROS);
  }

  public Instant now() {
    long wall = ChronoUnit.MICROS.between(Instant.EPOCH, clock.instant());
    long micros =
        lastMicros.accumulateAndGet(wall, (previous, current) -> Math.max(previous + 1, current));
    return Instant.EPOCH.plus(micros, ChronoUnit.MICROS);
  }
}
