package dev.sessionsidecar.task;

import dev.sessionsidecar.platform.WireName;
import java.util.List;
import java.util.Optional;

/** The MCP Tasks statuses; the last three are final and never change again. */
public enum TaskStatus implements WireName {
  WORKING(false),
  INPUT_REQUIRED(false),
  COMPLETED(true),
  FAILED(true),
  CANCELLED(true);

  private final boolean last;

  TaskStatus(boolean last) {
    this.last = last;
  }

  public boolean isFinal() {
    return last;
  }

  public static Optional<TaskStatus> fromWire(String name) {
    return WireName.fromWire(TaskStatus.class, name);
  }

  static List<TaskStatus> open() {
    return List.of(WORKING, INPUT_REQUIRED);
  }
}
