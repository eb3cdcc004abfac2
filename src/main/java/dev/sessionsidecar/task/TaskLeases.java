package dev.sessionsidecar.task;

import dev.sessionsidecar.platform.InstanceIdentity;
import dev.sessionsidecar.platform.Timestamps;
import io.quarkus.logging.Log;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The leases of running sidecar tasks, which let sidecars sharing a database watch each other: this
 * instance renews the leases of its own runs, learns of cancels made on another instance, and fails
 * the runs of instances whose leases ran out. Nothing stays {@code working} forever.
 */
@ApplicationScoped
class TaskLeases {

  private final InstanceIdentity instance;
  private final TaskConfig config;
  private final Timestamps time;

  TaskLeases(InstanceIdentity instance, TaskConfig config, Timestamps time) {
    this.instance = instance;
    this.config = config;
    this.time = time;
  }

  /**
   * Renews the leases of the runs going on here and answers those of them that are no longer open:
   * cancelled (on any instance) or failed by another instance meanwhile.
   */
  Set<String> renew(Set<String> running) {
    if (running.isEmpty()) {
      return Set.of();
    }
    Instant now = time.now();
    return QuarkusTransaction.requiringNew()
        .call(
            () -> {
              TaskRuns.renewLeases(running, instance.id(), now);
              Set<String> ended = new HashSet<>(running);
              TaskRuns.stillOpen(running).forEach(ended::remove);
              return ended;
            });
  }

  /** Fails the runs of other instances whose lease ran out; answers how many. */
  int failExpired() {
    Instant now = time.now();
    Instant expired = now.minus(config.lease());
    return QuarkusTransaction.requiringNew()
        .call(
            () -> {
              List<Task> lost = TaskRuns.runsWithLeaseBefore(expired, instance.id());
              for (Task task : lost) {
                String reason =
                    "the sidecar instance "
                        + task.runnerId
                        + " running this task stopped renewing its lease for longer than "
                        + config.lease().toSeconds()
                        + " s (sidecar.tasks.lease)";
                task.fail(reason, reason, now);
                Log.warnf("Task %s failed: %s", task.taskId, reason);
              }
              return lost.size();
            });
  }
}
