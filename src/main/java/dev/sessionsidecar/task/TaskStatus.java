package dev.sessionsidecar.task;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** The MCP Tasks statuses; the last three are final and never change again. */
public enum TaskStatus {
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

  public String wireName() {
    return name().toLowerCase(Locale.ROOT);
  }

  public static Optional<TaskStatus> fromWire(String name) {
    return Arrays.stream(values()).filter(s -> s.wireName().equals(name)).findFirst();
  }

  static List<TaskStatus> open() {
    return List.of(WORKING, INPUT_REQUIRED);
  }
}
