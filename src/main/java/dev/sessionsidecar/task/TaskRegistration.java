package dev.sessionsidecar.task;

import com.fasterxml.jackson.databind.JsonNode;
import dev.sessionsidecar.platform.ApiException;
import dev.sessionsidecar.platform.InstanceIdentity;
import dev.sessionsidecar.platform.ProblemCode;
import dev.sessionsidecar.platform.Timestamps;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.Iterator;
import java.util.TreeSet;
import java.util.UUID;

/**
 * Creates tasks: queues a sidecar kind after checking its parameters and the queue's room, or
 * registers an agent task.
 */
@ApplicationScoped
public class TaskRegistration {

  /** How long a caller should wait when the queue is full. */
  static final int RETRY_AFTER_SECONDS = 5;

  private final TaskHandlers handlers;
  private final TaskExecutor executor;
  private final TaskConfig config;
  private final Timestamps time;
  private final InstanceIdentity instance;

  TaskRegistration(
      TaskHandlers handlers,
      TaskExecutor executor,
      TaskConfig config,
      Timestamps time,
      InstanceIdentity instance) {
    this.instance = instance;
    this.handlers = handlers;
    this.executor = executor;
    this.config = config;
    this.time = time;
  }

  /** Queues a sidecar task or registers an agent task; a sidecar task starts when there is room. */
  public TaskView create(CreateTaskRequest request) {
    if (request == null) {
      throw ApiException.invalidArgument("kind", "is required: " + handlers.kinds());
    }
    TaskView created = QuarkusTransaction.requiringNew().call(() -> createInTransaction(request));
    if (Task.OWNER_SIDECAR.equals(created.owner())) {
      executor.dispatch();
    }
    return created;
  }

  private TaskView createInTransaction(CreateTaskRequest request) {
    Instant now = time.now();
    Task task = draft(UUID.randomUUID().toString(), request, now);
    if (TaskHandlers.EXTERNAL.equals(request.kind())) {
      registerForAgent(task, request, now);
    } else {
      queueForSidecar(task, request, now);
    }
    task.persist();
    return TaskView.of(task);
  }

  /** A task with what every task has (times, ttl, instance); the caller gives it an owner. */
  Task draft(String taskId, CreateTaskRequest request, Instant now) {
    Task task = new Task();
    task.taskId = taskId;
    task.kind = request.kind();
    task.instanceId = instance.id();
    task.sessionId = request.sessionId();
    task.createdAt = now;
    task.ttlMs = ttl(request.ttl());
    task.expiresAt = now.plusMillis(task.ttlMs);
    task.pollIntervalMs =
        request.pollInterval() != null ? request.pollInterval() : config.pollInterval().toMillis();
    return task;
  }

  /** An agent's own task: it reports on it through PATCH; nothing runs here. */
  static void registerForAgent(Task task, CreateTaskRequest request, Instant now) {
    if (request.title() == null) {
      throw ApiException.invalidArgument("title", "is required for an external task");
    }
    if (request.parameters() != null) {
      throw ApiException.invalidArgument(
          "parameters", "are for sidecar kinds; an external task has none");
    }
    task.owner = Task.OWNER_AGENT;
    task.title = request.title();
    task.open(now, null);
  }

  /** Work the sidecar runs: checked against its handler, then queued for an instance to claim. */
  private void queueForSidecar(Task task, CreateTaskRequest request, Instant now) {
    TaskHandler handler =
        handlers
            .forKind(request.kind())
            .orElseThrow(
                () ->
                    ApiException.invalidArgument(
                        "kind", "unknown kind; one of: " + handlers.kinds()));
    task.owner = Task.OWNER_SIDECAR;
    task.title = request.title() != null ? request.title() : handler.title();
    task.parameters = checkedParameters(handler, request.parameters());
    handler.checkAvailable();
    refuseWhenQueueIsFull();
    task.open(now, "queued");
  }

  private long ttl(Long requested) {
    if (requested == null) {
      return config.defaultTtl().toMillis();
    }
    long max = config.maxTtl().toMillis();
    if (requested > max) {
      throw ApiException.invalidArgument(
          "ttl", "must be at most " + max + " ms (sidecar.tasks.max-ttl)");
    }
    return requested;
  }

  private String checkedParameters(TaskHandler handler, JsonNode parameters) {
    if (parameters == null || parameters.isNull()) {
      return null;
    }
    if (!parameters.isObject()) {
      throw ApiException.invalidArgument("parameters", "must be a JSON object");
    }
    for (Iterator<String> names = parameters.fieldNames(); names.hasNext(); ) {
      String name = names.next();
      if (!handler.parameterNames().contains(name)) {
        throw ApiException.invalidArgument(
            "parameters." + name,
            "is not a parameter of "
                + handler.kind()
                + "; it accepts: "
                + (handler.parameterNames().isEmpty()
                    ? "none"
                    : String.join(", ", new TreeSet<>(handler.parameterNames()))));
      }
    }
    handler.checkParameters(parameters);
    return parameters.toString();
  }

  private void refuseWhenQueueIsFull() {
    long queued = TaskRuns.countQueued();
    if (queued >= config.maxQueued()) {
      throw new ApiException(
              ProblemCode.TOO_MANY_REQUESTS,
              queued
                  + " sidecar tasks are waiting to run (sidecar.tasks.max-queued): try again in "
                  + RETRY_AFTER_SECONDS
                  + " seconds.")
          .withRetryAfter(RETRY_AFTER_SECONDS);
    }
  }
}
