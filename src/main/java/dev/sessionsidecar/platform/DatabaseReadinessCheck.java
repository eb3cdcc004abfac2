package dev.sessionsidecar.platform;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/**
 * Ready means the schema is current and the database answers and accepts a write: it stamps a
 * heartbeat row. A shared PostgreSQL that does not answer makes the sidecar unready, never dead.
 */
@Readiness
@ApplicationScoped
public class DatabaseReadinessCheck implements HealthCheck {

  private final AgroalDataSource dataSource;
  private final Schema schema;

  DatabaseReadinessCheck(AgroalDataSource dataSource, Schema schema) {
    this.dataSource = dataSource;
    this.schema = schema;
  }

  @Override
  public HealthCheckResponse call() {
    if (!schema.isCurrent()) {
      return HealthCheckResponse.named("database")
          .down()
          .withData("schema", "not migrated yet")
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
