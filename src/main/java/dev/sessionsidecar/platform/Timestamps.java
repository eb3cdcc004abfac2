package dev.sessionsidecar.platform;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The sidecar's clock: UTC to the microsecond (what the database keeps), and strictly increasing,
 * so "most recently started" and "newest activity" never tie between two requests.
 */
@ApplicationScoped
public class Timestamps {

  private final Clock clock = Clock.systemUTC();
  private final AtomicLong lastMicros = new AtomicLong();

  public Instant now() {
    long wall = ChronoUnit.MICROS.between(Instant.EPOCH, clock.instant());
    long micros =
        lastMicros.accumulateAndGet(wall, (previous, current) -> Math.max(previous + 1, current));
    return Instant.EPOCH.plus(micros, ChronoUnit.MICROS);
  }
}
