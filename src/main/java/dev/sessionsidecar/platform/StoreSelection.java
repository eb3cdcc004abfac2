package dev.sessionsidecar.platform;

import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The store this package was built for, checked against {@code sidecar.store} at start: the JDBC
 * driver and Hibernate's dialect are fixed by the build, so a package runs on one store only.
 */
@ApplicationScoped
public class StoreSelection {

  static final int MIN_POOL = 2;

  private final Store built;
  private final String configured;
  private final String postgresqlUrl;
  private final int poolSize;

  StoreSelection(
      @ConfigProperty(name = "quarkus.datasource.db-kind") String builtKind, SidecarConfig config) {
    this.built = Store.of(builtKind);
    this.configured = config.store();
    this.postgresqlUrl = config.postgresql().url().orElse("");
    this.poolSize = config.postgresql().poolSize();
  }

  public Store store() {
    return built;
  }

  /** Refuses to start, with one sentence an operator can act on, when the choice cannot work. */
  void check() {
    Store wanted = Store.of(configured);
    if (wanted == null) {
      throw new StoreException(
          "sidecar.store (SIDECAR_STORE) is '" + configured + "': use h2 or postgresql.");
    }
    if (wanted != built) {
      throw new StoreException(
          "This package was built for the "
              + built.wireName()
              + " store but sidecar.store (SIDECAR_STORE) is "
              + wanted.wireName()
              + ": build it with ./mvnw -B package -DskipTests -Dsidecar.store="
              + wanted.wireName()
              + ".");
    }
    if (built == Store.POSTGRESQL && postgresqlUrl.isBlank()) {
      throw new StoreException(
          "sidecar.store is postgresql but sidecar.postgresql.url (SIDECAR_POSTGRESQL_URL) is"
              + " not set: give the JDBC URL of the shared database, such as"
              + " jdbc:postgresql://db:5432/sidecar.");
    }
    if (built == Store.POSTGRESQL && poolSize < MIN_POOL) {
      // Flyway holds one connection for its lock while it migrates on another.
      throw new StoreException(
          "sidecar.postgresql.pool-size (SIDECAR_POSTGRESQL_POOL_SIZE) is "
              + poolSize
              + ": it must be at least "
              + MIN_POOL
              + ", since a migration uses two connections at once.");
    }
  }

  /** Start-up failure about the store, with a message meant for the operator. */
  public static class StoreException extends RuntimeException {
    StoreException(String message) {
      super(message, null, false, false);
    }
  }
}
