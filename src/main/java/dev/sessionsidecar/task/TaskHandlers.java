package dev.sessionsidecar.task;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/** The handlers by kind; two handlers of one kind, or one named "external", stop start-up. */
@ApplicationScoped
public class TaskHandlers {

  /** The kind of tasks the agent runs itself; the sidecar only tracks them. */
  public static final String EXTERNAL = "external";

  private final Map<String, TaskHandler> byKind = new TreeMap<>();

  TaskHandlers(Instance<TaskHandler> handlers) {
    for (TaskHandler handler : handlers) {
      if (EXTERNAL.equals(handler.kind())) {
        throw new IllegalStateException("Task kind 'external' is reserved for agent tasks");
      }
      TaskHandler other = byKind.put(handler.kind(), handler);
      if (other != null) {
        throw new IllegalStateException(
            "Task kind '"
                + handler.kind()
                + "' has two handlers: "
                + other.getClass().getSimpleName()
                + " and "
                + handler.getClass().getSimpleName());
      }
    }
  }

  public Optional<TaskHandler> forKind(String kind) {
    return Optional.ofNullable(byKind.get(kind));
  }

  /** The kinds a client may ask for: every handler's, and {@code external}. */
  public String kinds() {
    return String.join(", ", byKind.keySet()) + ", " + EXTERNAL;
  }
}
