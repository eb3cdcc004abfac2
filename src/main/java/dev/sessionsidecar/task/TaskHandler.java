package dev.sessionsidecar.task;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Set;

/**
 * Work of one kind that the sidecar runs as a task. Features implement it for their own kinds; the
 * task package knows none of them. Exactly one handler per kind, or the sidecar won't start.
 */
public interface TaskHandler {

  /** The kind this handler runs, e.g. {@code purge}. */
  String kind();

  /** A one-line title for a task of this kind. */
  String title();

  /** The parameter names this kind accepts. */
  Set<String> parameterNames();

  /** Checks the parameters' values when the task is created; throws a 400 problem if wrong. */
  default void checkParameters(JsonNode parameters) {}

  /** Refuses, with a 400 problem, a task of this kind that cannot run on this sidecar at all. */
  default void checkAvailable() {}

  /**
   * Does the work. Between steps call {@link TaskContext#progress} (which also stops the run when
   * the task was cancelled); answer the result as JSON.
   */
  JsonNode run(TaskContext context) throws Exception;
}
