package dev.sessionsidecar.platform;

import io.quarkus.logging.Log;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Duration;
import java.time.Instant;

/**
 * Says in the database, every few seconds, that this sidecar is alive and where it runs, so that a
 * fleet's instances can be listed and a silent one told from a live one.
 */
@ApplicationScoped
public class InstanceHeartbeat {

  /** How often an instance stamps its row. */
  public static final Duration EVERY = Duration.ofSeconds(5);

  /** An instance silent for longer than this looks gone. */
  public static final Duration ALIVE_WITHIN = EVERY.multipliedBy(6);

  private final InstanceIdentity instance;
  private final SidecarConfig config;
  private final Timestamps time;
  private final Instant started;

  InstanceHeartbeat(InstanceIdentity instance, SidecarConfig config, Timestamps time) {
    this.instance = instance;
    this.config = config;
    this.time = time;
    this.started = time.now();
  }

  /** The first beat, as soon as the database is ready: the instance is listed from its start. */
  void first(@Observes Schema.Current schemaIsCurrent) {
    beat();
  }

  @Scheduled(
      every = "5s",
      concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
      skipExecutionIf = Schema.NotCurrent.class)
  void beat() {
    try {
      QuarkusTransaction.requiringNew().run(this::stamp);
    } catch (RuntimeException e) {
      // Readiness reports a database that does not answer; the next beat tries again.
      Log.debugf(e, "Instance heartbeat skipped");
    }
  }

  private void stamp() {
    SidecarInstance row = SidecarInstance.findById(instance.id());
    if (row == null) {
      row = new SidecarInstance();
      row.id = instance.id();
    }
    row.startedAt = started;
    row.podName = config.podName().orElse(null);
    row.podNamespace = config.podNamespace().orElse(null);
    row.nodeName = config.nodeName().orElse(null);
    row.lastSeenAt = time.now();
    row.persist();
  }
}
