package dev.sessionsidecar.task;

import com.fasterxml.jackson.databind.JsonNode;
import dev.sessionsidecar.platform.Timestamps;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.persistence.LockModeType;
import java.util.concurrent.atomic.AtomicBoolean;

/** The context of one run: progress goes to the database, a cancel stops the next step. */
final class RunContext implements TaskContext {

  private final String taskId;
  private final JsonNode parameters;
  private final AtomicBoolean cancelled;
  private final Timestamps time;

  RunContext(String taskId, JsonNode parameters, AtomicBoolean cancelled, Timestamps time) {
    this.taskId = taskId;
    this.parameters = parameters;
    this.cancelled = cancelled;
    this.time = time;
  }

  @Override
  public String taskId() {
    return taskId;
  }

  @Override
  public JsonNode parameters() {
    return parameters;
  }

  @Override
  public void progress(double fraction, String message) {
    stopIfCancelled();
    boolean stillOpen =
        QuarkusTransaction.requiringNew()
            .call(
                () -> {
                  Task task = Task.findById(taskId, LockModeType.PESSIMISTIC_WRITE);
                  if (task == null || task.status.isFinal()) {
                    return false;
                  }
                  task.report(Math.max(0, Math.min(1, fraction)), message, time.now());
                  return true;
                });
    if (!stillOpen) {
      cancelled.set(true);
      throw new TaskCancelledException(taskId);
    }
  }

  @Override
  public void pause(long millis) {
    stopIfCancelled();
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new TaskCancelledException(taskId);
    }
    stopIfCancelled();
  }

  private void stopIfCancelled() {
    if (cancelled.get()) {
      throw new TaskCancelledException(taskId);
    }
  }
}
