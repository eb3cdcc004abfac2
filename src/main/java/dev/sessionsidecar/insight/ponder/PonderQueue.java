package dev.sessionsidecar.insight.ponder;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.sessionsidecar.platform.Schema;
import dev.sessionsidecar.task.CreateTaskRequest;
import dev.sessionsidecar.task.TaskRegistration;
import dev.sessionsidecar.task.TaskView;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Queues ponder tasks: on demand, and every {@code sidecar.insights.ponder-every} when some project
 * was active since the last run (so an idle sidecar's task list stays quiet).
 */
@ApplicationScoped
public class PonderQueue {

  private final TaskRegistration tasks;
  private final PonderHandler handler;
  private final ObjectMapper mapper;

  PonderQueue(TaskRegistration tasks, PonderHandler handler, ObjectMapper mapper) {
    this.tasks = tasks;
    this.handler = handler;
    this.mapper = mapper;
  }

  /** Queues a run over one project, or over every recently active one when the path is null. */
  public TaskView queue(String projectPath) {
    var parameters =
        projectPath == null
            ? null
            : mapper.createObjectNode().put(PonderHandler.PROJECT, projectPath);
    return tasks.create(
        new CreateTaskRequest(PonderHandler.KIND, null, null, null, null, parameters));
  }

  @Scheduled(
      every = "${sidecar.insights.ponder-every:1h}",
      delayed = "${sidecar.insights.ponder-every:1h}",
      concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
      skipExecutionIf = Schema.NotCurrent.class)
  void queueWhenActive() {
    if (handler.hasWork()) {
      queue(null);
    }
  }
}
