package dev.sessionsidecar.platform;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/**
 * Ready means the schema is current, no request was refused for a storage failure in the last 15 s,
 * and the database answers and accepts a write: it stamps a heartbeat row. A shared PostgreSQL that
 * does not answer makes the sidecar unready, never dead.
 */
@Readiness
@ApplicationScoped
public class DatabaseReadinessCheck implements HealthCheck {

  private final AgroalDataSource dataSource;
  private final Schema schema;
  private final StorageTrouble storageTrouble;

  DatabaseReadinessCheck(
      AgroalDataSource dataSource, Schema schema, StorageTrouble storageTrouble) {
    this.dataSource = dataSource;
    this.schema = schema;
    this.storageTrouble = storageTrouble;
  }

  @Override
  public HealthCheckResponse call() {
    if (!schema.isCurrent()) {
      return HealthCheckResponse.named("database")
          .down()
          .withData("schema", "not migrated yet")
          .build();
    }
    Optional<Duration> refused = storageTrouble.recent();
    if (refused.isPresent()) {
      return HealthCheckResponse.named("database")
          .down()
          .withData(
              "storage",
              "a request was refused for a storage failure " + refused.get().toSeconds() + " s ago")
          .build();
    }
    try (Connection connection = dataSource.getConnection();
        PreparedStatement update =
            connection.prepareStatement(
                "UPDATE sidecar_heartbeat SET checked_at = ? WHERE id = 1")) {
      connection.setAutoCommit(true);
      update.setTimestamp(1, Timestamp.from(Instant.now()));
      int rows = update.executeUpdate();
      return HealthCheckResponse.named("database")
          .status(rows == 1)
          .withData("writable", rows == 1)
          .build();
    } catch (SQLException e) {
      return HealthCheckResponse.named("database")
          .down()
          .withData("sql_state", String.valueOf(e.getSQLState()))
          .build();
    }
  }
}
