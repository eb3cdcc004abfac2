package dev.sessionsidecar.platform;

import java.io.IOException;
import java.sql.SQLException;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Set;

/**
 * Tells a failure of the storage under the database (disk full, I/O error, the database closed
 * itself after one) from a bug: the first is answered 503 with Retry-After, since the sidecar
 * recovers by itself once the disk does; the second stays a 500 incident.
 */
public final class StorageFailure {

  /** H2's SQL states for I/O errors and for a database that closed itself after one. */
  private static final Set<String> STORAGE_STATES = Set.of("90028", "90031", "90098");

  private StorageFailure() {}

  /** Whether the failure, its causes or what they suppressed, is one of the storage. */
  public static boolean in(Throwable failure) {
    return in(failure, Collections.newSetFromMap(new IdentityHashMap<>()));
  }

  private static boolean in(Throwable t, Set<Throwable> seen) {
    if (t == null || !seen.add(t)) {
      return false;
    }
    if (t instanceof IOException
        || t.getClass().getName().equals("org.h2.mvstore.MVStoreException")
        || (t instanceof SQLException sql && STORAGE_STATES.contains(sql.getSQLState()))) {
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
