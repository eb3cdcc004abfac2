package dev.sessionsidecar.platform;

import java.io.IOException;
import java.sql.SQLException;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Locale;
import java.util.Set;
import java.util.function.Predicate;

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

  /**
   * In Agroal's message when no pooled connection came free within the acquisition timeout ("Sorry,
   * acquisition timeout!"; "Acquisition timeout while waiting for new connection").
   */
  private static final String POOL_TIMEOUT = "acquisition timeout";

  /** PostgreSQL's state for "too many clients" (or too many for the role). */
  private static final String TOO_MANY_CONNECTIONS = "53300";

  /** Whether the failure, its causes or what they suppressed, is one of the storage. */
  public static boolean in(Throwable failure) {
    return any(failure, StorageFailure::storage);
  }

  /** Whether every connection of the pool stayed busy for the acquisition timeout. */
  public static boolean poolBusy(Throwable failure) {
    return any(failure, StorageFailure::poolTimeout);
  }

  /** Whether the server refused a new connection: its connection slots are used up. */
  public static boolean serverFull(Throwable failure) {
    return any(
        failure,
        t -> t instanceof SQLException sql && TOO_MANY_CONNECTIONS.equals(sql.getSQLState()));
  }

  private static boolean storage(Throwable t) {
    return t instanceof IOException
        || t.getClass().getName().equals("org.h2.mvstore.MVStoreException")
        || (t instanceof SQLException sql && storageState(sql.getSQLState()))
        || poolTimeout(t);
  }

  private static boolean poolTimeout(Throwable t) {
    return t instanceof SQLException
        && t.getMessage() != null
        && t.getMessage().toLowerCase(Locale.ROOT).contains(POOL_TIMEOUT);
  }

  private static boolean storageState(String state) {
    return state != null
        && (STORAGE_STATES.contains(state)
            || SERVER_STATES.contains(state)
            || state.startsWith("08"));
  }

  /** Whether the failure, one of its causes or what they suppressed, is one {@code test} names. */
  private static boolean any(Throwable failure, Predicate<Throwable> test) {
    return any(failure, test, Collections.newSetFromMap(new IdentityHashMap<>()));
  }

  private static boolean any(Throwable t, Predicate<Throwable> test, Set<Throwable> seen) {
    if (t == null || !seen.add(t)) {
      return false;
    }
    if (test.test(t)) {
      return true;
    }
    for (Throwable suppressed : t.getSuppressed()) {
      if (any(suppressed, test, seen)) {
        return true;
      }
    }
    return any(t.getCause(), test, seen);
  }
}
