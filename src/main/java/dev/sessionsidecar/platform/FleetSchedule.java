package dev.sessionsidecar.platform;

import io.quarkus.logging.Log;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import io.quarkus.scheduler.Scheduler;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;
import org.hibernate.exception.ConstraintViolationException;

/**
 * Periodic work that runs once per period for the whole fleet, not once per sidecar: every sidecar
 * looks often (a tenth of the period, from 1 s to 1 min), and the first that finds the period over
 * since the last run, on any sidecar, claims the run in the database. On H2 the fleet is one
 * sidecar and the same rule holds. The first sighting of a job starts its clock: the first run
 * comes one period after the fleet first started.
 */
@ApplicationScoped
public class FleetSchedule {

  private final Scheduler scheduler;
  private final InstanceIdentity instance;
  private final Timestamps time;

  FleetSchedule(Scheduler scheduler, InstanceIdentity instance, Timestamps time) {
    this.scheduler = scheduler;
    this.instance = instance;
    this.time = time;
  }

  /** Runs {@code work} once per {@code period} across the fleet, under the job's {@code name}. */
  public void every(String name, Duration period, Runnable work) {
    scheduler
        .newJob("fleet-" + name)
        .setInterval(look(period).toMillis() + "ms")
        .setConcurrentExecution(Scheduled.ConcurrentExecution.SKIP)
        .setSkipPredicate(Schema.NotCurrent.class)
        .setTask(
            execution -> {
              if (claim(name, period)) {
                work.run();
              }
            })
        .schedule();
  }

  /** Whether this sidecar takes the run that is due now; false when none is, or another took it. */
  boolean claim(String name, Duration period) {
    Instant now = time.now();
    try {
      return QuarkusTransaction.requiringNew()
          .call(
              () -> {
                if (FleetJob.findById(name) == null) {
                  FleetJob first = new FleetJob();
                  first.name = name;
                  first.lastRunAt = now;
                  first.persistAndFlush();
                  return false;
                }
                return FleetJob.claimDue(name, now, now.minus(period), instance.id());
              });
    } catch (ConstraintViolationException anotherStartedTheClock) {
      return false;
    } catch (RuntimeException e) {
      Log.debugf(e, "Periodic job %s not claimed this time", name);
      return false;
    }
  }

  private static Duration look(Duration period) {
    Duration tenth = period.dividedBy(10);
    Duration min = Duration.ofSeconds(1);
    Duration max = Duration.ofMinutes(1);
    return tenth.compareTo(min) < 0 ? min : tenth.compareTo(max) > 0 ? max : tenth;
  }
}
