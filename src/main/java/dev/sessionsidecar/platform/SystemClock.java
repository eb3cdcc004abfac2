package dev.sessionsidecar.platform;

import io.quarkus.arc.DefaultBean;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.time.Clock;

/** The wall clock behind {@link Timestamps}: UTC; a test may put another {@link Clock} bean. */
@ApplicationScoped
class SystemClock {

  @Produces
  @DefaultBean
  @Singleton
  Clock utc() {
    return Clock.systemUTC();
  }
}
