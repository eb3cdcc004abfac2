package dev.sessionsidecar.task;

import dev.sessionsidecar.platform.PlainText;
import dev.sessionsidecar.platform.Timestamps;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
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
  public record Entry(
      String sessionId,
      @NotBlank(message = "is required: a string of 1 to 200 characters")
          @Size(max = MAX_ENTRY_ID, message = "must be at most 200 characters")
          @Pattern(regexp = PlainText.PATTERN, message = PlainText.RULE)
          String entryId,
      String subject,
      String description) {

    static final int MAX_ENTRY_ID = 200;

    /** The longest subject kept; a longer one is summarised to this. */
    public static final int MAX_SUBJECT = 500;

    /** The longest description kept, likewise. */
    public static final int MAX_DESCRIPTION = 1000;
  }

  private final TaskRegistration registration;
  private final Timestamps time;

  AgentTaskList(TaskRegistration registration, Timestamps time) {
    this.registration = registration;
    this.time = time;
  }

  /**
   * The entry was added to the list: its task is working (created once). In the caller's
   * transaction, which retries its whole unit of work if it loses a race to create the task.
   */
  @Transactional(Transactional.TxType.MANDATORY)
  public TaskView created(Entry entry) {
    return TaskView.of(existingOrNew(entry));
  }

  /**
   * The entry was marked done: its task completes, unless it is already final (then unchanged). In
   * the caller's transaction, as {@link #created}.
   */
  @Transactional(Transactional.TxType.MANDATORY)
  public TaskView completed(Entry entry) {
    Task task = existingOrNew(entry);
    if (!task.status.isFinal()) {
      task.complete(null, "completed in the agent's task list", time.now());
    }
    return TaskView.of(task);
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
}
