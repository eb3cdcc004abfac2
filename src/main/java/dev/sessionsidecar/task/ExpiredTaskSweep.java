package dev.sessionsidecar.task;

import dev.sessionsidecar.platform.Schema;
import dev.sessionsidecar.platform.Timestamps;
import io.quarkus.logging.Log;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

/** Deletes tasks whose ttl has passed since they were created. */
@ApplicationScoped
class ExpiredTaskSweep {

  private final Timestamps time;

  ExpiredTaskSweep(Timestamps time) {
    this.time = time;
  }

  @Scheduled(
      every = "${sidecar.tasks.sweep-interval:60s}",
      concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
      skipExecutionIf = Schema.NotCurrent.class)
  @Transactional
  void sweep() {
    long deleted = Task.delete("expiresAt < ?1", time.now());
    if (deleted > 0) {
      Log.infof("Deleted %d expired task(s)", deleted);
    }
  }
}
