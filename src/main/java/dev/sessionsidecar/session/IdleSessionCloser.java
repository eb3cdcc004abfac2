package dev.sessionsidecar.session;

import dev.sessionsidecar.platform.Schema;
import dev.sessionsidecar.platform.Timestamps;
import io.quarkus.logging.Log;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Duration;
import java.time.Instant;

/** Closes sessions that have been idle for longer than {@code sidecar.session.idle-timeout}. */
@ApplicationScoped
class IdleSessionCloser {

  private final SessionConfig config;
  private final Timestamps time;

  IdleSessionCloser(SessionConfig config, Timestamps time) {
    this.config = config;
    this.time = time;
  }

  /**
   * One conditional UPDATE, so a tool call that bumps a session at the same moment either lands
   * first (and the session stays active) or reopens it afterwards; no write is lost.
   */
  @Scheduled(
      every = "${sidecar.session.idle-check-interval:60s}",
      concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
      skipExecutionIf = Schema.NotCurrent.class)
  @Transactional
  void closeIdleSessions() {
    Duration timeout = config.idleTimeout();
    Instant now = time.now();
    int closed =
        AgentSession.closeIdleSince(
            now.minus(timeout), "closed after more than " + timeout + " without activity", now);
    if (closed > 0) {
      Log.infof("Closed %d idle session(s)", closed);
    }
  }
}
