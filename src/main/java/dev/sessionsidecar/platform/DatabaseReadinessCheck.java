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

/** Ready means the database answers and accepts a write: it stamps a heartbeat row. */
@Readiness
@ApplicationScoped
public class DatabaseReadinessCheck implements HealthCheck {

  private final AgroalDataSource dataSource;

  DatabaseReadinessCheck(AgroalDataSource dataSource) {
    this.dataSource = dataSource;
  }

  @Override
  public HealthCheckResponse call() {
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
