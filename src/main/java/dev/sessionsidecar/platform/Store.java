package dev.sessionsidecar.platform;

import java.util.Locale;

/** Where the record is kept: one pod's embedded H2 file, or a PostgreSQL shared by a fleet. */
public enum Store {
  H2,
  POSTGRESQL;

  /** The value of {@code sidecar.store} (and of Quarkus's {@code db-kind}) for this store. */
  public String wireName() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** Whether other sidecars may write to the same database at the same time. */
  public boolean shared() {
    return this == POSTGRESQL;
  }

  /** The store of a {@code sidecar.store} value, or null when it names none. */
  static Store of(String value) {
    for (Store store : values()) {
      if (store.wireName().equals(value)) {
        return store;
      }
    }
    return null;
  }
}
