package dev.sessionsidecar.task;

import dev.sessionsidecar.platform.RacedInserts;
import dev.sessionsidecar.platform.Timestamps;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.UUID;

/**
 * An agent's own task list (Claude Code's TaskCreated and TaskCompleted hooks) kept as external
 * tasks: one task per entry of a session's list, whose id is derived from the session and the
 * entry's id, so that an event delivered twice changes nothing.
 */
@ApplicationScoped
public class AgentTaskList {

  /** What an entry of the list is, for the task it becomes. */
  public record Entry(String sessionId, String entryId, String subject, String description) {}

  private final TaskRegistration registration;
  private final Timestamps time;

  AgentTaskList(TaskRegistration registration, Timestamps time) {
    this.registration = registration;
    this.time = time;
  }

  /** The entry was added to the list: its task is working (created once). */
  public TaskView created(Entry entry) {
    return RacedInserts.inNewTransaction(() -> view(existingOrNew(entry)));
  }

  /** The entry was marked done: its task completes, unless it is already final (then unchanged). */
  public TaskView completed(Entry entry) {
    return RacedInserts.inNewTransaction(
        () -> {
          Task task = existingOrNew(entry);
          if (!task.status.isFinal()) {
            task.complete(null, "completed in the agent's task list", time.now());
          }
          return view(task);
        });
  }

  /** The task id of an entry: the same for the same session and entry, never a random one. */
  static String taskId(String sessionId, String entryId) {
    String name = "agent-task-list\n" + sessionId + "\n" + entryId;
    return UUID.nameUUIDFromBytes(name.getBytes(StandardCharsets.UTF_8)).toString();
  }

  private Task existingOrNew(Entry entry) {
    String id = taskId(entry.sessionId(), entry.entryId());
    Task task = Task.findById(id, LockModeType.PESSIMISTIC_WRITE);
    if (task != null) {
      return task;
    }
    String title = entry.subject() != null ? entry.subject() : "task " + entry.entryId();
    CreateTaskRequest request =
        new CreateTaskRequest(TaskHandlers.EXTERNAL, title, entry.sessionId(), null, null, null);
    Instant now = time.now();
    Task created = registration.draft(id, request, now);
    TaskRegistration.registerForAgent(created, request, now);
    created.statusMessage = entry.description();
    created.persistAndFlush();
    return created;
  }

  private TaskView view(Task task) {
    return TaskView.of(task);
  }
}
