package dev.sessionsidecar.platform;

import io.quarkus.logging.Log;
import io.quarkus.scheduler.Scheduled;
import io.quarkus.scheduler.ScheduledExecution;
import io.quarkus.scheduler.Scheduler;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Singleton;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.flywaydb.core.Flyway;

/**
 * Brings the schema up to date with Flyway, once per database: on H2 at start, after the data
 * directory is locked; on a shared PostgreSQL as soon as the server answers, retried until it does
 * while readiness stays down. Many sidecars starting at once take turns on Flyway's lock.
 */
@ApplicationScoped
public class Schema {

  static final String RETRY_JOB = "schema-migration";
  static final String RETRY_EVERY = "5s";

  private final Flyway flyway;
  private final Scheduler scheduler;
  private final Event<Current> current;
  private final String url;
  private volatile boolean migrated;

  /** Fired once the schema is current: work that reads the database may start. */
  public record Current() {}

  Schema(
      Flyway flyway,
      Scheduler scheduler,
      Event<Current> current,
      @ConfigProperty(name = "quarkus.datasource.jdbc.url") String url) {
    this.flyway = flyway;
    this.scheduler = scheduler;
    this.current = current;
    this.url = url;
  }

  public boolean isCurrent() {
    return migrated;
  }

  /** Migrates now; a failure is thrown (H2, where the file is local and failing is final). */
  void migrateNow() {
    flyway.migrate();
    done();
  }

  /** Migrates now if the server answers, else keeps trying in the background. */
  void migrateWhenReachable() {
    if (!attempt()) {
      scheduler
          .newJob(RETRY_JOB)
          .setInterval(RETRY_EVERY)
          .setDelayed(RETRY_EVERY)
          .setConcurrentExecution(Scheduled.ConcurrentExecution.SKIP)
          .setTask(this::retry)
          .schedule();
    }
  }

  private void retry(ScheduledExecution execution) {
    if (attempt()) {
      scheduler.unscheduleJob(RETRY_JOB);
    }
  }

  private boolean attempt() {
    try {
      migrateNow();
      return true;
    } catch (RuntimeException e) {
      Log.warnf(
          "The database at %s cannot be migrated yet (%s); not ready, trying again in %s",
          safe(url), rootMessage(e), RETRY_EVERY);
      return false;
    }
  }

  private synchronized void done() {
    if (!migrated) {
      migrated = true;
      Log.infof("Schema of %s is current", safe(url));
      current.fire(new Current());
    }
  }

  private static String safe(String url) {
    int query = url.indexOf('?');
    return query < 0 ? url : url.substring(0, query);
  }

  private static String rootMessage(Throwable e) {
    Throwable root = e;
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
    }
    return root.getClass().getSimpleName() + ": " + root.getMessage();
  }

  /** Skips a scheduled job until the schema is current (the database may not answer yet). */
  @Singleton
  public static class NotCurrent implements Scheduled.SkipPredicate {

    private final Schema schema;

    NotCurrent(Schema schema) {
      this.schema = schema;
    }

    @Override
    public boolean test(ScheduledExecution execution) {
      return !schema.isCurrent();
    }
  }
}
