package dev.sessionsidecar.maintenance;

import dev.sessionsidecar.platform.FleetSchedule;
import dev.sessionsidecar.task.CreateTaskRequest;
import dev.sessionsidecar.task.TaskRegistration;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/**
 * Queues a purge task every {@code sidecar.retention.purge-every}, once for the fleet, so it shows
 * in tasks_list.
 */
@ApplicationScoped
class PurgeSchedule {

  private final TaskRegistration tasks;
  private final FleetSchedule fleet;
  private final RetentionConfig config;

  PurgeSchedule(TaskRegistration tasks, FleetSchedule fleet, RetentionConfig config) {
    this.tasks = tasks;
    this.fleet = fleet;
    this.config = config;
  }

  void schedule(@Observes StartupEvent started) {
    fleet.every("purge", config.purgeEvery(), this::queuePurge);
  }

  void queuePurge() {
    tasks.create(new CreateTaskRequest("purge", null, null, null, null, null));
  }
}
