package dev.sessionsidecar.platform;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/** The sidecar's clock: UTC, to the millisecond, so stored and shown times agree exactly. */
@ApplicationScoped
public class Timestamps {

  private final Clock clock = Clock.systemUTC();

  public Instant now() {
    return clock.instant().truncatedTo(ChronoUnit.MILLIS);
  }
}
