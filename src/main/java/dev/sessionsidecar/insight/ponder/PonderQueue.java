package dev.sessionsidecar.insight.ponder;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.sessionsidecar.platform.FleetSchedule;
import dev.sessionsidecar.task.CreateTaskRequest;
import dev.sessionsidecar.task.TaskRegistration;
import dev.sessionsidecar.task.TaskView;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/**
 * Queues ponder tasks: on demand, and every {@code sidecar.insights.ponder-every} (once for the
 * fleet) when some project was active since the last run (so an idle sidecar's task list stays
 * quiet).
 */
@ApplicationScoped
public class PonderQueue {

  private final TaskRegistration tasks;
  private final PonderHandler handler;
  private final ObjectMapper mapper;
  private final FleetSchedule fleet;
  private final InsightConfig config;

  PonderQueue(
      TaskRegistration tasks,
      PonderHandler handler,
      ObjectMapper mapper,
      FleetSchedule fleet,
      InsightConfig config) {
    this.fleet = fleet;
    this.config = config;
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

  void schedule(@Observes StartupEvent started) {
    fleet.every("ponder", config.ponderEvery(), this::queueWhenActive);
  }

  void queueWhenActive() {
    if (handler.hasWork()) {
      queue(null);
    }
  }
}
