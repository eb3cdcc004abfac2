package dev.sessionsidecar.maintenance;

import dev.sessionsidecar.platform.Schema;
import dev.sessionsidecar.task.CreateTaskRequest;
import dev.sessionsidecar.task.TaskRegistration;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;

/** Queues a purge task every {@code sidecar.retention.purge-every}, so it shows in tasks_list. */
@ApplicationScoped
class PurgeSchedule {

  private final TaskRegistration tasks;

  PurgeSchedule(TaskRegistration tasks) {
    this.tasks = tasks;
  }

  @Scheduled(
      every = "${sidecar.retention.purge-every:24h}",
      delayed = "${sidecar.retention.purge-every:24h}",
      concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
      skipExecutionIf = Schema.NotCurrent.class)
  void queuePurge() {
    tasks.create(new CreateTaskRequest("purge", null, null, null, null, null));
  }
}
