package dev.sessionsidecar.task;

import dev.sessionsidecar.platform.Timestamps;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** Lists tasks: open ones, recently finished ones, failures since a moment. */
@ApplicationScoped
public class TaskQueries {

  private final Timestamps time;

  TaskQueries(Timestamps time) {
    this.time = time;
  }

  /** Open tasks (newest first), then tasks finished within {@code sinceDays}, newest first. */
  @Transactional
  public List<TaskView> list(int limit, int sinceDays) {
    return list(limit, sinceDays, null);
  }

  /**
   * As {@link #list(int, int)}, of the tasks that one of these instances registered, queued or ran
   * (null: any instance).
   */
  @Transactional
  public List<TaskView> list(int limit, int sinceDays, List<String> instanceIds) {
    Instant now = time.now();
    if (instanceIds != null && instanceIds.isEmpty()) {
      return List.of();
    }
    List<TaskView> views = new ArrayList<>();
    Task.openNewestFirst(now, instanceIds)
        .range(0, limit - 1)
        .list()
        .forEach(t -> views.add(view(t)));
    if (views.size() < limit) {
      Instant since = sinceDays == 0 ? Instant.EPOCH : now.minus(Duration.ofDays(sinceDays));
      Task.finishedSince(now, since, instanceIds)
          .range(0, limit - views.size() - 1)
          .list()
          .forEach(t -> views.add(view(t)));
    }
    return views;
  }

  /** Open tasks (working or waiting for input), newest first. */
  @Transactional
  public List<TaskView> open(int limit) {
    return Task.openNewestFirst(time.now(), null).range(0, limit - 1).list().stream()
        .map(this::view)
        .toList();
  }

  /** Tasks that failed at or after the instant, most recent first. */
  @Transactional
  public List<TaskView> failedSince(Instant since, int limit) {
    return Task.failedSince(time.now(), since).range(0, limit - 1).list().stream()
        .map(this::view)
        .toList();
  }

  private TaskView view(Task task) {
    return TaskView.of(task);
  }
}
