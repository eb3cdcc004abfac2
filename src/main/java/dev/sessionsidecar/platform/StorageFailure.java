package dev.sessionsidecar.platform;

import java.io.IOException;
import java.sql.SQLException;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Set;

/**
 * Tells a failure of the storage under the database (disk full, I/O error, the database closed
 * itself after one; on PostgreSQL also a server that is down, restarting, unreachable or read-only)
 * from a bug: the first is answered 503 with Retry-After, since the sidecar recovers by itself once
 * the disk or the server does; the second stays a 500 incident.
 */
public final class StorageFailure {

  /** H2's SQL states for I/O errors and for a database that closed itself after one. */
  private static final Set<String> STORAGE_STATES = Set.of("90028", "90031", "90098");

  /**
   * PostgreSQL's: read-only transaction (a standby), disk full, out of memory, too many
   * connections, server shutting down or starting, I/O error. Class 08 (connection) is checked
   * apart.
   */
  private static final Set<String> SERVER_STATES =
      Set.of("25006", "53100", "53200", "53300", "57P01", "57P02", "57P03", "58030");

  private StorageFailure() {}

  /** Whether the failure, its causes or what they suppressed, is one of the storage. */
  public static boolean in(Throwable failure) {
    return in(failure, Collections.newSetFromMap(new IdentityHashMap<>()));
  }

  private static boolean storageState(String state) {
    return state != null
        && (STORAGE_STATES.contains(state)
            || SERVER_STATES.contains(state)
            || state.startsWith("08"));
  }

  private static boolean in(Throwable t, Set<Throwable> seen) {
    if (t == null || !seen.add(t)) {
      return false;
    }
    if (t instanceof IOException
        || t.getClass().getName().equals("org.h2.mvstore.MVStoreException")
        || (t instanceof SQLException sql && storageState(sql.getSQLState()))) {
      return true;
    }
    for (Throwable suppressed : t.getSuppressed()) {
      if (in(suppressed, seen)) {
        return true;
      }
    }
    return in(t.getCause(), seen);
  }
}
