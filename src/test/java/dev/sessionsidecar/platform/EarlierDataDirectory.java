package dev.sessionsidecar.platform;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import org.flywaydb.core.Flyway;

/**
 * A data directory as an earlier release left it: the H2 file migrated up to a schema version, for
 * writing old-shaped rows before the packaged sidecar starts on it.
 */
record EarlierDataDirectory(Path dir, String url) {

  static EarlierDataDirectory atVersion(String version) throws Exception {
    Path dir = Files.createTempDirectory("sidecar-v" + version);
    String url = "jdbc:h2:file:" + dir.toAbsolutePath() + "/sidecar";
    Flyway.configure()
        .dataSource(url, "sidecar", "")
        .locations("classpath:db/migration")
        .target(version)
        .load()
        .migrate();
    return new EarlierDataDirectory(dir, url);
  }

  Connection connect() throws SQLException {
    return DriverManager.getConnection(url, "sidecar", "");
  }
}
