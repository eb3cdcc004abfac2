package dev.sessionsidecar.testing;

import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/**
 * The sidecar's wall clock in tests: real time, moved forward when a test asks, so periods (a UTC
 * day, a week) can roll over without waiting. Replaces the default clock bean in every
 * {@code @QuarkusTest}; until a test moves it, it is the system clock.
 */
@Singleton
public class TestClock extends Clock {

  private volatile Duration ahead = Duration.ZERO;

  /** Moves the clock forward; it never goes back, as the sidecar's timestamps never do. */
  public void advance(Duration by) {
    ahead = ahead.plus(by);
  }

  @Override
  public Instant instant() {
    return Instant.now().plus(ahead);
  }

  @Override
  public ZoneId getZone() {
    return ZoneOffset.UTC;
  }

  @Override
  public Clock withZone(ZoneId zone) {
    return this;
  }
}
