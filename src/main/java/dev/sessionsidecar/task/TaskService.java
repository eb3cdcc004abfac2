package dev.sessionsidecar.task;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.sessionsidecar.platform.ApiException;
import dev.sessionsidecar.platform.ProblemCode;
import dev.sessionsidecar.platform.Timestamps;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.UUID;

/** Creates, reads, updates and cancels tasks; the executor runs the sidecar's own. */
@ApplicationScoped
public class TaskService {

  /** How long a caller should wait when the queue is full. */
  static final int RETRY_AFTER_SECONDS = 5;

  private final TaskHandlers handlers;
  private final TaskExecutor executor;
  private final TaskSettings settings;
  private final Timestamps time;
  private final ObjectMapper mapper;

  TaskService(
      TaskHandlers handlers,
      TaskExecutor executor,
      TaskSettings settings,
      Timestamps time,
      ObjectMapper mapper) {
    this.handlers = handlers;
    this.executor = executor;
    this.settings = settings;
    this.time = time;
    this.mapper = mapper;
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
    Task task = new Task();
    task.taskId = UUID.randomUUID().toString();
    task.kind = request.kind();
    task.sessionId = request.sessionId();
    task.createdAt = now;
    task.ttlMs = ttl(request.ttl());
    task.expiresAt = now.plusMillis(task.ttlMs);
    task.pollIntervalMs =
        request.pollInterval() != null
            ? request.pollInterval()
            : settings.pollInterval().toMillis();
    if (TaskHandlers.EXTERNAL.equals(request.kind())) {
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
    } else {
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
      refuseWhenQueueIsFull();
      task.open(now, "queued");
    }
    task.persist();
    return view(task);
  }

  private long ttl(Long requested) {
    if (requested == null) {
      return settings.defaultTtl().toMillis();
    }
    long max = settings.maxTtl().toMillis();
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
                    : String.join(", ", new java.util.TreeSet<>(handler.parameterNames()))));
      }
    }
    handler.checkParameters(parameters);
    return parameters.toString();
  }

  private void refuseWhenQueueIsFull() {
    long queued =
        Task.count(
            "owner = ?1 and startedAt is null and status = ?2",
            Task.OWNER_SIDECAR,
            TaskStatus.WORKING);
    if (queued >= settings.maxQueued()) {
      throw new ApiException(
              ProblemCode.TOO_MANY_REQUESTS,
              queued
                  + " sidecar tasks are waiting to run (sidecar.tasks.max-queued): try again in "
                  + RETRY_AFTER_SECONDS
                  + " seconds.")
          .withRetryAfter(RETRY_AFTER_SECONDS);
    }
  }

  @Transactional
  public TaskView get(String taskId) {
    return view(live(taskId, LockModeType.NONE));
  }

  /** Open tasks (newest first), then tasks finished within {@code sinceDays}, newest first. */
  @Transactional
  public List<TaskView> list(int limit, int sinceDays) {
    Instant now = time.now();
    List<Task> open =
        Task.find(
                "status in ?1 and expiresAt > ?2",
                Sort.descending("createdAt"),
                TaskStatus.open(),
                now)
            .range(0, limit - 1)
            .list();
    List<TaskView> views = new ArrayList<>();
    open.forEach(t -> views.add(view(t)));
    if (views.size() < limit) {
      Instant since = sinceDays == 0 ? Instant.EPOCH : now.minus(Duration.ofDays(sinceDays));
      Task.<Task>find(
              "status not in ?1 and expiresAt > ?2 and lastUpdatedAt >= ?3",
              Sort.descending("lastUpdatedAt"),
              TaskStatus.open(),
              now,
              since)
          .range(0, limit - views.size() - 1)
          .list()
          .forEach(t -> views.add(view(t)));
    }
    return views;
  }

  /** Cancels an open task before answering; a run of it is interrupted and its result dropped. */
  public TaskView cancel(String taskId) {
    TaskView cancelled =
        QuarkusTransaction.requiringNew()
            .call(
                () -> {
                  Task task = live(taskId, LockModeType.PESSIMISTIC_WRITE);
                  guardOpen(task, "cancel");
                  task.moveTo(TaskStatus.CANCELLED, "cancelled on request", time.now());
                  return view(task);
                });
    executor.interrupt(taskId);
    return cancelled;
  }

  /** The agent reports on its own task; a final task answers 409 with the task as it is. */
  @Transactional
  public TaskView update(String taskId, UpdateTaskRequest request) {
    if (request == null) {
      throw ApiException.invalidArgument("body", "a JSON object with what changed is required");
    }
    Task task = live(taskId, LockModeType.PESSIMISTIC_WRITE);
    if (!Task.OWNER_AGENT.equals(task.owner)) {
      throw new ApiException(
              ProblemCode.CONFLICT,
              "Task "
                  + taskId
                  + " is run by the sidecar and reports on itself; you can only cancel it.")
          .withCurrent(view(task));
    }
    guardOpen(task, "update");
    Instant now = time.now();
    String result = request.result() == null ? null : request.result().toString();
    TaskStatus next =
        request.status() == null
            ? task.status
            : TaskStatus.fromWire(request.status()).orElseThrow();
    switch (next) {
      case COMPLETED -> task.complete(result, request.statusMessage(), now);
      case FAILED -> {
        task.report(request.progress(), request.statusMessage(), now);
        task.fail(request.error() != null ? request.error() : "failed", now);
      }
      default -> {
        task.report(request.progress(), request.statusMessage(), now);
        task.moveTo(next, null, now);
        if (result != null) {
          task.result = result;
        }
      }
    }
    return view(task);
  }

  /** Deletes final tasks last changed before the cutoff; answers how many. */
  @Transactional
  public long purgeFinishedBefore(Instant cutoff) {
    return Task.delete("status not in ?1 and lastUpdatedAt < ?2", TaskStatus.open(), cutoff);
  }

  private void guardOpen(Task task, String what) {
    if (task.status.isFinal()) {
      throw new ApiException(
              ProblemCode.CONFLICT,
              "Task "
                  + task.taskId
                  + " is "
                  + task.status.wireName()
                  + ", a final status: it cannot "
                  + (what.equals("cancel") ? "be cancelled" : "change")
                  + " any more.")
          .withCurrent(view(task));
    }
  }

  /** The task, unless it is unknown or past its ttl (both 404). */
  private Task live(String taskId, LockModeType lock) {
    Task task = isId(taskId) ? Task.findById(taskId, lock) : null;
    if (task == null || task.expired(time.now())) {
      throw ApiException.notFound(
          "No task "
              + taskId
              + " (unknown, or past its ttl): tasks_list shows the tasks there are.");
    }
    return task;
  }

  private static boolean isId(String taskId) {
    try {
      return taskId != null && UUID.fromString(taskId).toString().equals(taskId);
    } catch (IllegalArgumentException e) {
      return false;
    }
  }

  TaskView view(Task t) {
    return new TaskView(
        t.taskId,
        t.status.wireName(),
        t.statusMessage,
        t.createdAt,
        t.lastUpdatedAt,
        t.ttlMs,
        t.pollIntervalMs,
        t.kind,
        t.owner,
        t.title,
        t.sessionId,
        t.progress,
        json(t.result),
        t.error);
  }

  private JsonNode json(String text) {
    if (text == null) {
      return null;
    }
    try {
      return mapper.readTree(text);
    } catch (JsonProcessingException e) {
      return mapper.getNodeFactory().textNode(text);
    }
  }
}
