package dev.sessionsidecar.platform;

import static org.junit.jupiter.api.Assumptions.assumeFalse;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/** What a test of a fleet on the build's PostgreSQL has: skipped without it, stopped after. */
abstract class PostgresqlFleetTest {

  PostgresqlFleet fleet;

  @BeforeEach
  void postgresqlRun() {
    assumeFalse(Boolean.getBoolean("skipPostgresql"), "the PostgreSQL run is switched off");
  }

  @AfterEach
  void stopFleet() throws Exception {
    if (fleet != null) {
      fleet.close();
    }
  }
}
