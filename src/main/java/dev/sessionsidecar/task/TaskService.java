package dev.sessionsidecar.task;

import dev.sessionsidecar.platform.ApiException;
import dev.sessionsidecar.platform.ProblemCode;
import dev.sessionsidecar.platform.Timestamps;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.UUID;

/**
 * Reads one task, updates and cancels tasks; {@link TaskRegistration} creates them and {@link
 * TaskQueries} lists them.
 */
@ApplicationScoped
public class TaskService {

  private final TaskExecutor executor;
  private final Timestamps time;

  TaskService(TaskExecutor executor, Timestamps time) {
    this.executor = executor;
    this.time = time;
  }

  @Transactional
  public TaskView get(String taskId) {
    return view(live(taskId, LockModeType.NONE));
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
    return Task.deleteFinishedBefore(cutoff);
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

  private TaskView view(Task task) {
    return TaskView.of(task);
  }
}
