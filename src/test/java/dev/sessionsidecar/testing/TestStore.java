package dev.sessionsidecar.testing;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import java.util.UUID;

/**
 * The store the suite runs on: embedded H2 (the default run) or the build's throwaway PostgreSQL
 * (the second run, {@code -Dsidecar.store=postgresql}). Gives a test profile an empty store of its
 * own: a fresh data directory on H2, a fresh database on PostgreSQL.
 */
public final class TestStore {

  private TestStore() {}

  public static boolean isPostgresql() {
    return "postgresql".equals(System.getProperty("sidecar.store", "h2"));
  }

  /** Configuration overrides that point a sidecar at an empty store named after {@code name}. */
  public static Map<String, String> fresh(String name) {
    String unique = name + "_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
    if (!isPostgresql()) {
      return Map.of("sidecar.data-dir", "./target/test-data-" + unique);
    }
    return Map.of("sidecar.postgresql.url", createDatabase(unique));
  }

  /** Creates an empty database on the test server and answers its JDBC URL. */
  public static String createDatabase(String name) {
    String database = "sidecar_" + name.toLowerCase().replaceAll("[^a-z0-9_]", "_");
    try (Connection server = DriverManager.getConnection(serverUrl("postgres"), "sidecar", "");
        Statement create = server.createStatement()) {
      create.execute("CREATE DATABASE " + database);
    } catch (SQLException e) {
      throw new IllegalStateException("Could not create test database " + database, e);
    }
    return clientUrl(database);
  }

  /**
   * The URL sidecars use for {@code database}: the server's, or PgBouncer's in front of it when the
   * build runs the fleet suite through it ({@code test.pgbouncer-port}), with pgjdbc's server-side
   * prepared statements off, as transaction pooling requires (README, Fleet mode).
   */
  public static String clientUrl(String database) {
    String bouncer = System.getProperty("test.pgbouncer-port");
    return bouncer == null
        ? serverUrl(database)
        : "jdbc:postgresql://127.0.0.1:" + bouncer + "/" + database + "?prepareThreshold=0";
  }

  /** The JDBC URL of a database on the test server. */
  public static String serverUrl(String database) {
    String port = System.getProperty("test.postgresql-port");
    if (port == null) {
      throw new IllegalStateException(
          "test.postgresql-port is not set: the PostgreSQL run starts its server from the"
              + " build (src/test/scripts/postgresql.sh)");
    }
    return "jdbc:postgresql://127.0.0.1:" + port + "/" + database;
  }
}
