package dev.sessionsidecar.task;

import com.fasterxml.jackson.databind.JsonNode;

/** What a running handler sees: its parameters, and a way to report and to learn of a cancel. */
public interface TaskContext {

  String taskId();

  /** The task's parameters: a JSON object, empty when none were given. */
  JsonNode parameters();

  /**
   * Reports progress (0..1) and a status message. Throws {@link TaskCancelledException} when the
   * task was cancelled, so the handler stops at its next step.
   */
  void progress(double fraction, String message);

  /** Sleeps between steps; a cancel wakes it with {@link TaskCancelledException}. */
  void pause(long millis);

  /** Signals that the task was cancelled: the handler's work is to stop, its result is dropped. */
  class TaskCancelledException extends RuntimeException {
    public TaskCancelledException(String taskId) {
      super("task " + taskId + " was cancelled", null, false, false);
    }
  }
}
