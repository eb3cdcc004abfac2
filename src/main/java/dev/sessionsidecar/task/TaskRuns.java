package dev.sessionsidecar.task;

import io.quarkus.hibernate.orm.panache.PanacheQuery;
import jakarta.persistence.LockModeType;
import jakarta.persistence.criteria.CriteriaBuilder;
import jakarta.persistence.criteria.CriteriaUpdate;
import jakarta.persistence.criteria.Predicate;
import jakarta.persistence.criteria.Root;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/**
 * The queries of sidecar task runs, for the executor and its leases: the queue, claiming, lease
 * renewal, and failing runs whose runner is gone.
 */
final class TaskRuns {

  private TaskRuns() {}

  /** Sidecar tasks waiting to be claimed. */
  private static final String QUEUED = "owner = ?1 and startedAt is null and status = ?2";

  /** The queued sidecar tasks, oldest first. */
  static PanacheQuery<Task> queued() {
    return Task.find(QUEUED + " order by createdAt", Task.OWNER_SIDECAR, TaskStatus.WORKING);
  }

  /** How many sidecar tasks wait to be claimed. */
  static long countQueued() {
    return Task.count(QUEUED, Task.OWNER_SIDECAR, TaskStatus.WORKING);
  }

  /**
   * The oldest queued sidecar task, locked for this transaction, skipping rows other transactions
   * hold ({@code FOR UPDATE SKIP LOCKED}, PostgreSQL): claimers never wait on each other.
   */
  static Optional<Task> claimQueuedSkippingLocked() {
    List<?> ids =
        Task.getEntityManager()
            .createNativeQuery(
                "select task_id from task where owner = ?1 and started_at is null and status = ?2"
                    + " order by created_at limit 1 for update skip locked")
            .setParameter(1, Task.OWNER_SIDECAR)
            .setParameter(2, TaskStatus.WORKING.name())
            .getResultList();
    return ids.stream().findFirst().map(id -> Task.<Task>findById(id));
  }

  /** Renews the leases of these tasks where this runner runs them. */
  static void renewLeases(Collection<String> taskIds, String runner, Instant now) {
    Task.update("heartbeatAt = ?1 where taskId in ?2 and runnerId = ?3", now, taskIds, runner);
  }

  /** Those of these tasks that are still open. */
  static List<String> stillOpen(Collection<String> taskIds) {
    return Task.<Task>list("taskId in ?1 and status in ?2", taskIds, TaskStatus.open()).stream()
        .map(t -> t.taskId)
        .toList();
  }

  /** Open sidecar runs of other runners whose lease was last renewed before the instant, locked. */
  static List<Task> runsWithLeaseBefore(Instant renewedBefore, String exceptRunner) {
    return Task.<Task>find(
            "owner = ?1 and startedAt is not null and status in ?2"
                + " and heartbeatAt < ?3 and runnerId <> ?4",
            Task.OWNER_SIDECAR,
            TaskStatus.open(),
            renewedBefore,
            exceptRunner)
        .withLock(LockModeType.PESSIMISTIC_WRITE)
        .list();
  }

  /**
   * Fails every open sidecar run, of this runner only (null: of any runner), with the message;
   * answers how many. A criteria update, not HQL: it runs before readiness, and the first HQL query
   * loads Hibernate's HQL parser (docs/benchmarks.md); the executor's first poll loads it just
   * after.
   */
  static int failRuns(String runner, String message, Instant now) {
    CriteriaBuilder criteria = Task.getEntityManager().getCriteriaBuilder();
    CriteriaUpdate<Task> update = criteria.createCriteriaUpdate(Task.class);
    Root<Task> task = update.from(Task.class);
    List<Predicate> where = new ArrayList<>();
    where.add(criteria.equal(task.get("owner"), Task.OWNER_SIDECAR));
    where.add(criteria.isNotNull(task.get("startedAt")));
    where.add(task.get("status").in(TaskStatus.open()));
    if (runner != null) {
      where.add(criteria.equal(task.get("runnerId"), runner));
    }
    update
        .set("status", TaskStatus.FAILED)
        .set("statusMessage", message)
        .set("error", message)
        .set("lastUpdatedAt", now)
        .where(where.toArray(Predicate[]::new));
    return Task.getEntityManager().createQuery(update).executeUpdate();
  }
}
