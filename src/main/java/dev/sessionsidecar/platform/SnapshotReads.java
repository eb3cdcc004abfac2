package dev.sessionsidecar.platform;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.sql.Connection;
import java.util.function.Supplier;
import org.hibernate.Session;

/**
 * Runs reads that must agree with each other (the sections of one recap) in one new transaction
 * that sees one snapshot of the database, so that no write lands between two of them: H2's SNAPSHOT
 * isolation, PostgreSQL's REPEATABLE READ (a snapshot taken at the first statement, and a read-only
 * transaction there never fails). The pool resets the connection's isolation when it is returned.
 */
@ApplicationScoped
public class SnapshotReads {

  /** H2's own JDBC constant for its SNAPSHOT level (java.sql.Connection has none). */
  private static final int H2_SNAPSHOT = 6;

  private final EntityManager entities;
  private final int level;

  SnapshotReads(EntityManager entities, StoreSelection store) {
    this.entities = entities;
    this.level = store.store() == Store.H2 ? H2_SNAPSHOT : Connection.TRANSACTION_REPEATABLE_READ;
  }

  /** The reads' result, all of them read at one moment. */
  @Transactional(Transactional.TxType.REQUIRES_NEW)
  public <T> T read(Supplier<T> reads) {
    // A new transaction has run no statement yet: the isolation may still change.
    entities.unwrap(Session.class).doWork(connection -> connection.setTransactionIsolation(level));
    return reads.get();
  }
}
