package dev.sessionsidecar.platform;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.function.Supplier;
import org.hibernate.Session;
import org.hibernate.jdbc.Work;

/**
 * Runs reads that must agree with each other (the sections of one recap) in one new transaction
 * that sees one snapshot of the database, so that no write lands between two of them: H2's SNAPSHOT
 * isolation, PostgreSQL's REPEATABLE READ (a snapshot taken at the first statement, and a read-only
 * transaction there never fails).
 */
@ApplicationScoped
public class SnapshotReads {

  /** H2's own JDBC constant for its SNAPSHOT level (java.sql.Connection has none). */
  private static final int H2_SNAPSHOT = 6;

  private final EntityManager entities;
  private final Work isolate;

  SnapshotReads(EntityManager entities, StoreSelection store) {
    this.entities = entities;
    this.isolate =
        store.store() == Store.H2 ? SnapshotReads::h2Snapshot : SnapshotReads::repeatableRead;
  }

  /** The reads' result, all of them read at one moment. */
  @Transactional(Transactional.TxType.REQUIRES_NEW)
  public <T> T read(Supplier<T> reads) {
    entities.unwrap(Session.class).doWork(isolate);
    return reads.get();
  }

  /** H2 sets it on the connection; the pool resets it when the connection is returned. */
  private static void h2Snapshot(Connection connection) throws SQLException {
    connection.setTransactionIsolation(H2_SNAPSHOT);
  }

  /**
   * Inside the transaction, as its first statement, never on the session: pgjdbc's
   * setTransactionIsolation sends a session-level SET outside the transaction, which PgBouncer's
   * transaction pooling would leave behind on a server connection another sidecar gets next.
   */
  private static void repeatableRead(Connection connection) throws SQLException {
    try (Statement statement = connection.createStatement()) {
      statement.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ");
    }
  }
}
