package dev.sessionsidecar.session;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** How sessions close by themselves, under {@code sidecar.session.}. */
@ConfigMapping(prefix = "sidecar.session")
public interface SessionConfig {

  /** A session without activity for this long is closed by the idle job. */
  @WithDefault("30m")
  Duration idleTimeout();

  /** How often the idle job looks for idle sessions (read by its schedule). */
  @WithDefault("60s")
  Duration idleCheckInterval();
}
