package dev.sessionsidecar.platform;

import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The store this package was built for, checked against {@code sidecar.store} at start: the JDBC
 * driver and Hibernate's dialect are fixed by the build, so a package runs on one store only.
 */
@ApplicationScoped
public class StoreSelection {

  private final Store built;
  private final String configured;
  private final String postgresqlUrl;

  StoreSelection(
      @ConfigProperty(name = "quarkus.datasource.db-kind") String builtKind, SidecarConfig config) {
    this.built = Store.of(builtKind);
    this.configured = config.store();
    this.postgresqlUrl = config.postgresql().url().orElse("");
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
  }

  /** Start-up failure about the store, with a message meant for the operator. */
  public static class StoreException extends RuntimeException {
    StoreException(String message) {
      super(message, null, false, false);
    }
  }
}
