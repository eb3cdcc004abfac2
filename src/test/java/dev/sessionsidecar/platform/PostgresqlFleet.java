package dev.sessionsidecar.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.sessionsidecar.testing.SidecarProcess;
import dev.sessionsidecar.testing.TestStore;
import java.io.IOException;
import java.nio.file.Files;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReferenceArray;

/**
 * Sidecar processes of the PostgreSQL package, pods {@code pod-0}, {@code pod-1}, ..., on a fresh
 * database of the build's test server; and the server's script, to stop and resume it.
 */
final class PostgresqlFleet implements AutoCloseable {

  final String url;
  private final AtomicReferenceArray<SidecarProcess> sidecars;
  private final Map<String, String> settings;

  private PostgresqlFleet(int size, Map<String, String> settings) {
    this.url = TestStore.createDatabase("fleet_" + UUID.randomUUID().toString().substring(0, 8));
    this.sidecars = new AtomicReferenceArray<>(size);
    this.settings = settings;
  }

  /** Starts {@code size} sidecars at once (with these extra environment variables), all ready. */
  static PostgresqlFleet start(int size, Map<String, String> settings) throws Exception {
    PostgresqlFleet fleet = new PostgresqlFleet(size, settings);
    for (int i = 0; i < size; i++) {
      fleet.sidecars.set(i, fleet.launch(i));
    }
    for (int i = 0; i < size; i++) {
      fleet.sidecar(i).awaitReady();
    }
    return fleet;
  }

  SidecarProcess sidecar(int i) {
    return sidecars.get(i);
  }

  int size() {
    return sidecars.length();
  }

  /** SIGKILL of pod {@code i}, then the same pod started again and ready. */
  SidecarProcess killAndRestart(int i) throws Exception {
    sidecar(i).kill();
    sidecars.set(i, launch(i).awaitReady());
    return sidecar(i);
  }

  private SidecarProcess launch(int i) throws IOException {
    Map<String, String> env = new HashMap<>(settings);
    env.put("SIDECAR_STORE", "postgresql");
    env.put("SIDECAR_POSTGRESQL_URL", url);
    env.put("SIDECAR_POD_NAME", "pod-" + i);
    return SidecarProcess.startPostgresql(Files.createTempDirectory("fleet-" + i), env);
  }

  /** Rows of a two-column query (a key and a number) as a map. */
  Map<String, Long> countBy(String sql) throws SQLException {
    Map<String, Long> counts = new HashMap<>();
    try (Connection db = DriverManager.getConnection(url, "sidecar", "");
        Statement query = db.createStatement();
        ResultSet rows = query.executeQuery(sql)) {
      while (rows.next()) {
        counts.put(rows.getString(1), rows.getLong(2));
      }
    }
    return counts;
  }

  @Override
  public void close() throws InterruptedException {
    for (int i = 0; i < sidecars.length(); i++) {
      if (sidecar(i) != null) {
        sidecar(i).stop();
      }
    }
  }

  /** Stops or resumes the build's test server. */
  static void testServer(String command, String... port) throws Exception {
    List<String> arguments = new ArrayList<>(List.of(System.getProperty("test.postgresql-dir")));
    arguments.addAll(List.of(port));
    script(command, arguments.toArray(String[]::new));
  }

  /** Runs the build's PostgreSQL script (start, stop, resume; see its header). */
  static void script(String command, String... arguments) throws Exception {
    List<String> line = new ArrayList<>(List.of("bash", "src/test/scripts/postgresql.sh"));
    line.add(command);
    line.addAll(List.of(arguments));
    Process process = new ProcessBuilder(line).inheritIO().start();
    Instant deadline = Instant.now().plus(Duration.ofSeconds(90));
    while (process.isAlive() && Instant.now().isBefore(deadline)) {
      Thread.sleep(100);
    }
    assertEquals(0, process.exitValue(), String.join(" ", line));
  }
}
