package dev.sessionsidecar.platform;

import io.quarkus.logging.Log;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;
import io.quarkus.scheduler.Scheduler;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.h2.engine.SessionLocal;
import org.h2.jdbc.JdbcConnection;
import org.h2.mvstore.MVStore;

/**
 * Rewrites half-empty chunks of the H2 file while the sidecar runs, so that freed space is reused
 * and the file stays proportional to the data it holds.
 *
 * <p>Why: {@code WRITE_DELAY=0} (every acknowledged write is in the file) also keeps H2 from
 * starting its background writer, and that thread is what normally does this housekeeping. Without
 * it a steady load grew the file by about 9 GB per million records ({@code bench/load.sh}).
 */
@ApplicationScoped
class StorageHousekeeping {

  /** Chunks with fewer live bytes than this percentage are rewritten. */
  private static final int TARGET_FILL_RATE = 80;

  /** At most this much is rewritten per run, so one run stays short next to the writers. */
  private static final int MAX_REWRITE_BYTES = 16 << 20;

  private final DataSource dataSource;
  private final StorageConfig config;
  private final Scheduler scheduler;
  private final StoreSelection store;

  StorageHousekeeping(
      DataSource dataSource, StorageConfig config, Scheduler scheduler, StoreSelection store) {
    this.store = store;
    this.dataSource = dataSource;
    this.config = config;
    this.scheduler = scheduler;
  }

  void schedule(@Observes StartupEvent started) {
    if (store.store() != Store.H2) {
      return; // a PostgreSQL server keeps its own files (autovacuum)
    }
    if ("off".equals(config.compactEvery())) {
      Log.info("Storage housekeeping is off (sidecar.storage.compact-every=off)");
      return;
    }
    scheduler
        .newJob("storage-housekeeping")
        .setInterval(config.compactEvery())
        .setDelayed(config.compactEvery())
        .setConcurrentExecution(Scheduled.ConcurrentExecution.SKIP)
        .setTask(execution -> compact())
        .schedule();
  }

  void compact() {
    try (Connection connection = dataSource.getConnection()) {
      if (!connection.isWrapperFor(JdbcConnection.class)) {
        return;
      }
      SessionLocal session = (SessionLocal) connection.unwrap(JdbcConnection.class).getSession();
      MVStore store = session.getDatabase().getStore().getMvStore();
      store.compact(TARGET_FILL_RATE, MAX_REWRITE_BYTES);
    } catch (SQLException | RuntimeException e) {
      // The database may be closed after a disk failure; readiness reports that, and the next
      // run tries again.
      Log.debugf(e, "Storage housekeeping skipped");
    }
  }
}
