package dev.sessionsidecar.task;

import dev.sessionsidecar.platform.FleetSchedule;
import dev.sessionsidecar.platform.Timestamps;
import io.quarkus.logging.Log;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/** Deletes tasks whose ttl has passed since they were created, once per sweep for the fleet. */
@ApplicationScoped
class ExpiredTaskSweep {

  private final Timestamps time;
  private final FleetSchedule fleet;
  private final TaskConfig config;

  ExpiredTaskSweep(Timestamps time, FleetSchedule fleet, TaskConfig config) {
    this.time = time;
    this.fleet = fleet;
    this.config = config;
  }

  void schedule(@Observes StartupEvent started) {
    fleet.every("expired-task-sweep", config.sweepInterval(), this::sweep);
  }

  void sweep() {
    long deleted = QuarkusTransaction.requiringNew().call(() -> Task.deleteExpired(time.now()));
    if (deleted > 0) {
      Log.infof("Deleted %d expired task(s)", deleted);
    }
  }
}
