package dev.sessionsidecar.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.sessionsidecar.testing.GeneratedTranscripts;
import dev.sessionsidecar.testing.SidecarProcess;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Fleet mode on the packaged application: three sidecar processes (pods) write to one real
 * PostgreSQL at once, one of them is killed with SIGKILL and restarted, the server itself is
 * stopped and started under load and under a transcript backfill; every write that was
 * acknowledged, and every request and call of the transcripts, is stored exactly once.
 */
class FleetIT {

  private static final int SIDECARS = 3;
  private static final String PROJECT = "/fleet/shop";
  private static final ObjectMapper JSON = new ObjectMapper();

  private PostgresqlFleet fleet;
  private final Set<String> acknowledgedCalls = ConcurrentHashMap.newKeySet();
  private final Set<String> acknowledgedUsage = ConcurrentHashMap.newKeySet();
  private final Set<String> acknowledgedShared = ConcurrentHashMap.newKeySet();
  private final AtomicInteger unavailable = new AtomicInteger();
  private final AtomicInteger unexpected = new AtomicInteger();
  private final List<String> unexpectedAnswers = new ArrayList<>();
  private final AtomicBoolean writing = new AtomicBoolean();
  private final List<Thread> writers = new ArrayList<>();
  private final List<SidecarProcess> others = new ArrayList<>();

  @BeforeEach
  void postgresqlRun() {
    assumeFalse(Boolean.getBoolean("skipPostgresql"), "the PostgreSQL run is switched off");
  }

  @AfterEach
  void stopAll() throws Exception {
    stopWriters();
    if (fleet != null) {
      fleet.close();
    }
    for (SidecarProcess other : others) {
      other.stop();
    }
  }

  @Test
  void threeSidecarsWriteAtOnceAndOneIsKilledMidStream() throws Exception {
    startAllAtOnce();
    long migrations;
    try (var files = Files.list(Path.of("src/main/resources/db/migration"))) {
      migrations = files.count();
    }
    assertEquals(migrations, migrationsApplied(), "every migration applied exactly once");
    startWriters();
    Thread.sleep(2_000);
    fleet.killAndRestart(1);
    Thread.sleep(2_000);
    stopWriters();

    assertEverythingAcknowledgedIsStoredOnce();
    for (int i = 0; i < SIDECARS; i++) {
      JsonNode current = tool(i, "{\"action\":\"current_session\"}");
      assertEquals(session(i), current.at("/data/session_id").asText(), "pod-" + i);
    }
    JsonNode listed = tool(0, "{\"action\":\"list_sessions\"}");
    List<String> ids = new ArrayList<>();
    listed.at("/data/sessions").forEach(s -> ids.add(s.get("session_id").asText()));
    assertTrue(ids.containsAll(List.of(session(0), session(1), session(2))), ids.toString());
    assertEquals(
        Map.of("pod-0", 1L, "pod-1", 1L, "pod-2", 1L),
        fleet.countBy("select instance_id, count(*) from agent_session group by instance_id"));
  }

  @Test
  void theServerStoppedUnderLoadAnswers503AndEverySidecarRecovers() throws Exception {
    startAllAtOnce();
    startWriters();
    Thread.sleep(1_500);
    PostgresqlFleet.testServer("stop");
    Thread.sleep(3_000);
    int duringOutage = unavailable.get();
    PostgresqlFleet.testServer("resume", System.getProperty("test.postgresql-port"));
    for (int i = 0; i < SIDECARS; i++) {
      fleet.sidecar(i).awaitReady();
    }
    int before = acknowledgedCalls.size();
    Thread.sleep(2_000);
    stopWriters();

    assertTrue(duringOutage > 0, "writes during the outage answered 503");
    assertTrue(acknowledgedCalls.size() > before, "writes are acknowledged again after it");
    assertEverythingAcknowledgedIsStoredOnce();
  }

  /**
   * A transcript backfill through an outage of the server: the batch whose write failed is read
   * again once the server is back, and every request and tool call of the folder is stored once.
   */
  @Test
  void aBackfillThroughAnOutageStoresEveryRequestAndCallOnce(@TempDir Path temp) throws Exception {
    Path generated = temp.resolve("generated");
    JsonNode wrote = GeneratedTranscripts.generate(generated, 60, 333);
    Path folder = temp.resolve("claude");
    fleet =
        PostgresqlFleet.start(
            1,
            Map.of(
                "SIDECAR_TRANSCRIPTS_CLAUDE_CODE",
                folder.toString(),
                "SIDECAR_TRANSCRIPTS_RESCAN_INTERVAL",
                "1S"));
    SidecarProcess sidecar = fleet.sidecar(0);
    Files.move(generated, folder); // the folder appears, as an agent's volume does
    GeneratedTranscripts.awaitSomeRead(sidecar);
    PostgresqlFleet.testServer("stop");
    try {
      sidecar.awaitOutput(
          "Reading transcripts under " + folder.resolve("projects") + " failed",
          Duration.ofSeconds(30));
    } finally {
      PostgresqlFleet.testServer("resume", System.getProperty("test.postgresql-port"));
    }
    GeneratedTranscripts.awaitRead(sidecar, wrote.path("lines").asLong());

    long requests = wrote.path("requests").asLong();
    long calls = GeneratedTranscripts.toolUses(folder);
    assertEquals(
        Map.of(
            "records", requests,
            "request ids", requests,
            "rolled up", requests,
            "calls", calls,
            "call ids", calls,
            "counted calls", calls),
        fleet.countBy(
            "select 'records', count(*) from usage_record"
                + " union all select 'request ids', count(distinct request_id) from usage_record"
                + " union all select 'rolled up', sum(requests) from usage_rollup"
                + " union all select 'calls', count(*) from tool_call"
                + " union all select 'call ids', count(distinct call_id) from tool_call"
                + " union all select 'counted calls', sum(tool_call_count) from agent_session"));
  }

  @Test
  void aSidecarStartedBeforeItsServerIsUnreadyButAliveThenReadyByItself() throws Exception {
    int port = SidecarProcess.freePort();
    String late = "jdbc:postgresql://127.0.0.1:" + port + "/sidecar";
    SidecarProcess sidecar =
        SidecarProcess.startPostgresql(
            Files.createTempDirectory("fleet-late"),
            Map.of("SIDECAR_STORE", "postgresql", "SIDECAR_POSTGRESQL_URL", late));
    others.add(sidecar);
    Path lateServer = Path.of(System.getProperty("test.postgresql-dir") + "-late");
    try {
      awaitStatus(sidecar, "/q/health/live", 200);
      assertEquals(503, sidecar.get(sidecar.managementUrl("/q/health/ready")).statusCode());
      sidecar.awaitOutput(
          "The database at " + late + " cannot be migrated yet", Duration.ofSeconds(30));
      HttpResponse<String> write =
          sidecar.post(sidecar.apiUrl("/v1/usage"), usageBody("before-the-server"));
      assertEquals(503, write.statusCode(), write.body());

      PostgresqlFleet.script("start", lateServer.toString(), Integer.toString(port));
      sidecar.awaitReady();
      assertEquals(201, sidecar.post(sidecar.apiUrl("/v1/usage"), usageBody("after")).statusCode());
    } finally {
      PostgresqlFleet.script("stop", lateServer.toString());
    }
  }

  @Test
  void aPackageBuiltForH2RefusesThePostgresqlStoreInOneSentence() throws Exception {
    SidecarProcess wrong =
        SidecarProcess.start(
            Files.createTempDirectory("fleet-wrong"),
            Map.of(
                "SIDECAR_STORE", "postgresql", "SIDECAR_POSTGRESQL_URL", "jdbc:postgresql://x/y"));
    others.add(wrong);
    assertTrue(wrong.process().waitFor(60, java.util.concurrent.TimeUnit.SECONDS), "it stops");
    assertTrue(wrong.process().exitValue() != 0, "with a failure");
    assertTrue(
        wrong
            .output()
            .contains(
                "This package was built for the h2 store but sidecar.store (SIDECAR_STORE) is"
                    + " postgresql: build it with ./mvnw -B package -DskipTests"
                    + " -Dsidecar.store=postgresql."),
        wrong.output());
  }

  private static void awaitStatus(SidecarProcess sidecar, String path, int status)
      throws Exception {
    Instant deadline = Instant.now().plus(Duration.ofSeconds(90));
    while (Instant.now().isBefore(deadline)) {
      try {
        if (sidecar.get(sidecar.managementUrl(path)).statusCode() == status) {
          return;
        }
      } catch (IOException notYet) {
        // still starting
      }
      Thread.sleep(200);
    }
    throw new AssertionError(path + " never answered " + status + ":\n" + sidecar.output());
  }

  private void assertEverythingAcknowledgedIsStoredOnce() throws SQLException {
    assertEquals(0, unexpected.get(), "answers other than 2xx and 503: " + unexpectedAnswers);
    assertTrue(acknowledgedCalls.size() > 30, "enough writes: " + acknowledgedCalls.size());
    Map<String, Long> calls =
        fleet.countBy("select call_id, count(*) from tool_call group by call_id");
    Map<String, Long> usage =
        fleet.countBy("select request_id, count(*) from usage_record group by request_id");
    for (String id : acknowledgedCalls) {
      assertEquals(1L, calls.get(id), "tool call " + id);
    }
    for (String id : acknowledgedUsage) {
      assertEquals(1L, usage.get(id), "usage " + id);
    }
    for (String id : acknowledgedShared) {
      assertEquals(1L, usage.get(id), "shared usage " + id);
    }
    assertTrue(calls.values().stream().allMatch(n -> n == 1), "no call stored twice");
    assertTrue(usage.values().stream().allMatch(n -> n == 1), "no usage stored twice");
  }

  private void startAllAtOnce() throws Exception {
    fleet = PostgresqlFleet.start(SIDECARS, Map.of());
    for (int i = 0; i < SIDECARS; i++) {
      SidecarProcess sidecar = fleet.sidecar(i);
      HttpResponse<String> started =
          sidecar.post(
              sidecar.apiUrl("/v1/sessions"),
              "{\"session_id\":\"" + session(i) + "\",\"project_path\":\"" + PROJECT + "\"}");
      assertEquals(201, started.statusCode(), started.body());
    }
  }

  private void startWriters() {
    writing.set(true);
    for (int i = 0; i < SIDECARS; i++) {
      int sidecar = i;
      Thread writer = new Thread(() -> write(sidecar), "fleet-writer-" + i);
      writers.add(writer);
      writer.start();
    }
  }

  private void stopWriters() throws InterruptedException {
    writing.set(false);
    for (Thread writer : writers) {
      writer.join(30_000);
    }
  }

  /** One pod's agent: its own calls and usage, and usage ids that every pod also sends. */
  private void write(int i) {
    for (int n = 0; writing.get(); n++) {
      String call = "call-" + i + "-" + n;
      send(
          i,
          "/v1/sessions/" + session(i) + "/tool-calls",
          "{\"call_id\":\"" + call + "\",\"tool\":\"Bash\",\"duration_ms\":5}",
          acknowledgedCalls,
          call);
      String usage = "usage-" + i + "-" + n;
      send(i, "/v1/usage", usageBody(usage), acknowledgedUsage, usage);
      String shared = "shared-" + n;
      send(i, "/v1/usage", usageBody(shared), acknowledgedShared, shared);
    }
  }

  private void send(int i, String path, String body, Set<String> acknowledged, String id) {
    SidecarProcess sidecar = fleet.sidecar(i);
    try {
      HttpResponse<String> answer = sidecar.post(sidecar.apiUrl(path), body);
      int status = answer.statusCode();
      if (status / 100 == 2) {
        acknowledged.add(id);
      } else if (status == 503) {
        unavailable.incrementAndGet();
      } else {
        unexpected.incrementAndGet();
        synchronized (unexpectedAnswers) {
          unexpectedAnswers.add(status + " " + answer.body());
        }
      }
    } catch (IOException killedOrRestarting) {
      // not acknowledged: the process is gone or not listening yet
      pause();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static void pause() {
    try {
      Thread.sleep(50);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static String usageBody(String requestId) {
    return "{\"request_id\":\""
        + requestId
        + "\",\"provider\":\"anthropic\",\"model\":\"claude-sonnet-4-5\","
        + "\"input_tokens\":100,\"output_tokens\":20}";
  }

  private static String session(int i) {
    return "fleet-session-" + i;
  }

  private JsonNode tool(int i, String body) throws Exception {
    SidecarProcess sidecar = fleet.sidecar(i);
    HttpResponse<String> answer = sidecar.post(sidecar.apiUrl("/v1/tools/session"), body);
    assertEquals(200, answer.statusCode(), answer.body());
    return JSON.readTree(answer.body());
  }

  private int migrationsApplied() throws SQLException {
    Map<String, Long> versions =
        fleet.countBy(
            "select version, count(*) from flyway_schema_history where success group by version");
    assertTrue(versions.values().stream().allMatch(n -> n == 1), versions.toString());
    return versions.size();
  }
}
