package dev.sessionsidecar.task;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import io.quarkus.hibernate.orm.panache.PanacheQuery;
import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.List;

/**
 * A background task. It begins working ({@link #open}); every later change of status goes through
 * {@link #moveTo}, which refuses to leave a final status: a completed, failed or cancelled task
 * never changes again. The one bulk change, failing a restarted runner's runs in one statement
 * ({@link TaskRuns#failRuns}), selects open runs only and sets what {@link #fail} sets.
 */
@Entity
@Table(name = "task")
public class Task extends PanacheEntityBase {

  /** Who runs the work: the sidecar's executor, or the agent (tracked only). */
  public static final String OWNER_SIDECAR = "sidecar";

  public static final String OWNER_AGENT = "agent";

  @Id
  @Column(name = "task_id")
  public String taskId;

  @Column(nullable = false)
  public String kind;

  @Column(nullable = false)
  public String owner;

  @Column(nullable = false)
  public String title;

  @Column(name = "session_id")
  public String sessionId;

  /** The sidecar instance that created (or, for an agent's task, registered) the task. */
  @Column(name = "instance_id")
  public String instanceId;

  /** The instance that claimed and runs a sidecar task. */
  @Column(name = "runner_id")
  String runnerId;

  /** When the runner last said it is still at it: its lease. */
  @Column(name = "heartbeat_at")
  Instant heartbeatAt;

  @Column(name = "project_id")
  public Long projectId;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false)
  TaskStatus status;

  @Column(name = "status_message")
  String statusMessage;

  Double progress;

  /** JSON text of the handler's parameters. */
  public String parameters;

  /** JSON text of the result. */
  String result;

  String error;

  @Column(name = "created_at", nullable = false)
  public Instant createdAt;

  @Column(name = "last_updated_at", nullable = false)
  Instant lastUpdatedAt;

  @Column(name = "started_at")
  Instant startedAt;

  @Column(name = "expires_at", nullable = false)
  public Instant expiresAt;

  @Column(name = "ttl_ms", nullable = false)
  public long ttlMs;

  @Column(name = "poll_interval_ms", nullable = false)
  public long pollIntervalMs;

  /** Thrown when a change would leave a final status. */
  public static class FinalStatusException extends RuntimeException {
    FinalStatusException(Task task) {
      super("task " + task.taskId + " is " + task.status.wireName(), null, false, false);
    }
  }

  /** The first status of a new task: working. */
  void open(Instant now, String message) {
    if (status != null) {
      throw new IllegalStateException("task " + taskId + " is open already");
    }
    status = TaskStatus.WORKING;
    statusMessage = message;
    lastUpdatedAt = now;
  }

  /** Moves to a status, refusing any change once the task is final. */
  void moveTo(TaskStatus next, String message, Instant now) {
    if (status.isFinal()) {
      throw new FinalStatusException(this);
    }
    status = next;
    if (message != null) {
      statusMessage = message;
    }
    lastUpdatedAt = now;
  }

  void report(Double newProgress, String message, Instant now) {
    if (status.isFinal()) {
      throw new FinalStatusException(this);
    }
    if (newProgress != null) {
      progress = newProgress;
    }
    if (message != null) {
      statusMessage = message;
    }
    lastUpdatedAt = now;
  }

  void complete(String resultJson, String message, Instant now) {
    moveTo(TaskStatus.COMPLETED, message, now);
    result = resultJson;
    progress = 1.0;
  }

  void fail(String reason, Instant now) {
    fail(reason, null, now);
  }

  /** Fails with the reason as its error, and a status message (null: the last one stays). */
  void fail(String reason, String message, Instant now) {
    moveTo(TaskStatus.FAILED, message, now);
    error = reason;
  }

  void start(Instant now, String runner) {
    startedAt = now;
    runnerId = runner;
    heartbeatAt = now;
    report(null, "running", now);
  }

  boolean expired(Instant now) {
    return expiresAt.isBefore(now);
  }

  /** The condition on the instances a task is of: registered, queued or run by one of them. */
  private static final String OF_INSTANCES =
      " and (instanceId in :instances or runnerId in :instances)";

  /**
   * Open tasks not past their ttl, newest first; of these instances only (null: any, never empty).
   */
  static PanacheQuery<Task> openNewestFirst(Instant now, List<String> instanceIds) {
    Parameters params = Parameters.with("open", TaskStatus.open()).and("now", now);
    String where = "status in :open and expiresAt > :now";
    if (instanceIds != null) {
      where += OF_INSTANCES;
      params.and("instances", instanceIds);
    }
    return find(where, Sort.descending("createdAt"), params);
  }

  /**
   * Finished tasks not past their ttl, last updated at or after {@code since}, most recent first;
   * of these instances only (null: any, never empty).
   */
  static PanacheQuery<Task> finishedSince(Instant now, Instant since, List<String> instanceIds) {
    Parameters params =
        Parameters.with("open", TaskStatus.open()).and("now", now).and("since", since);
    String where = "status not in :open and expiresAt > :now and lastUpdatedAt >= :since";
    if (instanceIds != null) {
      where += OF_INSTANCES;
      params.and("instances", instanceIds);
    }
    return find(where, Sort.descending("lastUpdatedAt"), params);
  }

  /** Failed tasks not past their ttl, last updated at or after {@code since}, most recent first. */
  static PanacheQuery<Task> failedSince(Instant now, Instant since) {
    return find(
        "status = ?1 and expiresAt > ?2 and lastUpdatedAt >= ?3",
        Sort.descending("lastUpdatedAt"),
        TaskStatus.FAILED,
        now,
        since);
  }

  /** Deletes the finished tasks last updated before the cutoff; answers how many. */
  static long deleteFinishedBefore(Instant cutoff) {
    return delete("status not in ?1 and lastUpdatedAt < ?2", TaskStatus.open(), cutoff);
  }

  /** Deletes the tasks past their ttl; answers how many. */
  static long deleteExpired(Instant now) {
    return delete("expiresAt < ?1", now);
  }
}
