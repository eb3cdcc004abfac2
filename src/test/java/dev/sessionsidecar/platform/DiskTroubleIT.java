package dev.sessionsidecar.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.sessionsidecar.testing.GeneratedTranscripts;
import dev.sessionsidecar.testing.SidecarProcess;
import java.io.IOException;
import java.io.OutputStream;
import java.net.http.HttpResponse;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The packaged sidecar on a small filesystem that fills up: writes answer 503 with Retry-After,
 * readiness goes DOWN while liveness stays UP, and once space is freed it recovers by itself.
 */
class DiskTroubleIT {

  private static final String SESSION = "disk-1";

  @TempDir Path temp;
  private Path disk;
  private boolean mounted;

  @BeforeEach
  void makeTheMountPoint() throws IOException {
    disk = Files.createDirectories(temp.resolve("small-disk"));
  }

  /** A small tmpfs is a real full disk; mounting one needs root, so elsewhere this is skipped. */
  private void mount(String size) throws Exception {
    mounted = run("mount", "-t", "tmpfs", "-o", "size=" + size, "tmpfs", disk.toString());
    assumeTrue(mounted, "mounting a small tmpfs needs root; the disk-trouble test is skipped");
  }

  @AfterEach
  void unmount() throws Exception {
    if (mounted) {
      run("umount", "-l", disk.toString());
    }
  }

  @Test
  void aFullDiskAnswers503WithRetryAfterAndRecoversWhenSpaceIsFreed() throws Exception {
    mount("16m");
    SidecarProcess sidecar = SidecarProcess.start(disk.resolve("data")).awaitReady();
    try {
      assertEquals(
          201,
          sidecar
              .post(
                  sidecar.apiUrl("/v1/sessions"),
                  "{\"session_id\":\"" + SESSION + "\",\"project_path\":\"/srv/disk\"}")
              .statusCode());
      Path filler = disk.resolve("filler");
      fillUntilFull(filler);

      int stored = 0;
      // The first refusal, then another: after a failed write H2 reopens its file and may fit
      // a write or two into room the file already holds, so the writes in between may be stored
      // (and are counted); which ones fit is a matter of timing, a refusal again is not.
      for (String phase : new String[] {"before", "while-full"}) {
        HttpResponse<String> refused = null;
        for (int i = 0; i < 5_000 && refused == null; i++) {
          HttpResponse<String> answer = recordCall(sidecar, phase + "-" + i);
          if (answer.statusCode() == 201) {
            stored++;
          } else {
            refused = answer;
          }
        }
        assertNotNull(refused, "a write failed " + phase + " once the disk was full");
        assertStorageUnavailable(refused);
      }
      awaitStatus(sidecar, "/q/health/ready", 503);
      HttpResponse<String> live = sidecar.get(sidecar.managementUrl("/q/health/live"));
      assertEquals(200, live.statusCode(), "liveness stays UP: restarting would not free space");

      Files.delete(filler);
      awaitStatus(sidecar, "/q/health/ready", 200);
      assertEquals(201, recordCall(sidecar, "after-recovery").statusCode());
      String session = sidecar.get(sidecar.apiUrl("/v1/sessions/" + SESSION)).body();
      assertTrue(
          session.contains("\"tool_calls\":" + (stored + 1)),
          "every acknowledged call and none of the refused ones are stored ("
              + stored
              + " before the refusals ended): "
              + session);
    } finally {
      sidecar.stop();
    }
  }

  /**
   * A transcript backfill that fills the disk: the batch whose write fails marks nothing read, the
   * batches after it wait, the sidecar is unready meanwhile, and once space is freed it reads on by
   * itself and every request and tool call is recorded exactly as a sidecar with room to spare
   * records the same folder (the same rows, no row twice, the rollups and sessions' counts with
   * them).
   */
  @Test
  void aBackfillThatFillsTheDiskRecordsEverythingOnceWhenSpaceIsFreed() throws Exception {
    mount("128m");
    Path generated = temp.resolve("generated");
    long lines = GeneratedTranscripts.generate(generated, 40, 333).path("lines").asLong();
    Path folder = temp.resolve("claude");
    Map<String, String> reading =
        Map.of(
            "SIDECAR_TRANSCRIPTS_CLAUDE_CODE",
            folder.toString(),
            "SIDECAR_TRANSCRIPTS_RESCAN_INTERVAL",
            "1S");
    SidecarProcess sidecar = SidecarProcess.start(disk.resolve("data"), reading).awaitReady();
    try {
      Path filler = disk.resolve("filler");
      fillUntilFull(filler);
      try (FileChannel file = FileChannel.open(filler, StandardOpenOption.WRITE)) {
        file.truncate(file.size() - 3 * 1024 * 1024); // room for the first batches, not all
      }
      Files.move(generated, folder); // the folder appears, as an agent's volume does
      sidecar.awaitOutput(
          "Reading transcripts under " + folder.resolve("projects") + " failed",
          Duration.ofSeconds(120));
      awaitStatus(sidecar, "/q/health/ready", 503);
      Files.delete(filler);
      GeneratedTranscripts.awaitRead(sidecar, lines);
      awaitStatus(sidecar, "/q/health/ready", 200);
    } finally {
      sidecar.stop();
    }
    SidecarProcess roomy = SidecarProcess.start(temp.resolve("roomy"), reading).awaitReady();
    try {
      GeneratedTranscripts.awaitRead(roomy, lines);
    } finally {
      roomy.stop();
    }
    for (String query : STORED) {
      assertEquals(rows(temp.resolve("roomy"), query), rows(disk.resolve("data"), query), query);
    }
  }

  /** What a backfill stored, each row once, in an order that does not depend on timing. */
  private static final List<String> STORED =
      List.of(
          "select request_id, session_id, model, call_role, input_tokens, output_tokens,"
              + " cache_read_tokens, cache_write_tokens, cost_usd, created_at from usage_record"
              + " order by request_id",
          "select session_id, call_id, tool, ok, arguments, started_at from tool_call"
              + " order by session_id, call_id",
          "select id, tool_call_count, error_count from agent_session order by id",
          "select r.usage_day, p.path, r.model, r.call_role, r.requests, r.input_tokens,"
              + " r.output_tokens, r.estimated_cost_usd from usage_rollup r"
              + " join project p on p.id = r.project_id order by 1, 2, 3, 4");

  /** The query's rows in the stopped sidecar's H2 file, one line each. */
  private static List<String> rows(Path dataDir, String query) throws Exception {
    List<String> rows = new ArrayList<>();
    try (Connection store =
            DriverManager.getConnection(
                "jdbc:h2:file:" + dataDir.toAbsolutePath().resolve("sidecar"), "sidecar", "");
        ResultSet result = store.createStatement().executeQuery(query)) {
      int columns = result.getMetaData().getColumnCount();
      while (result.next()) {
        StringBuilder row = new StringBuilder();
        for (int i = 1; i <= columns; i++) {
          row.append(result.getString(i)).append('|');
        }
        rows.add(row.toString());
      }
    }
    return rows;
  }

  private static HttpResponse<String> recordCall(SidecarProcess sidecar, String callId)
      throws Exception {
    return sidecar.post(
        sidecar.apiUrl("/v1/sessions/" + SESSION + "/tool-calls"),
        "{\"call_id\":\""
            + callId
            + "\",\"tool\":\"Bash\",\"arguments\":{\"command\":\""
            + "x".repeat(2_000)
            + "\"},\"duration_ms\":5}");
  }

  private static void assertStorageUnavailable(HttpResponse<String> answer) {
    assertEquals(503, answer.statusCode(), answer.body());
    assertEquals("5", answer.headers().firstValue("Retry-After").orElse(null));
    assertEquals(
        "application/problem+json", answer.headers().firstValue("Content-Type").orElse(null));
    assertTrue(answer.body().contains("\"code\":\"unavailable\""), answer.body());
    assertFalse(answer.body().contains("org.h2"), "no internals in the answer: " + answer.body());
  }

  /** Writes zeros until the filesystem refuses more, first by the megabyte, then by 4 kB. */
  private static void fillUntilFull(Path filler) throws IOException {
    try (OutputStream out = Files.newOutputStream(filler)) {
      for (int chunk : new int[] {1 << 20, 4 << 10}) {
        byte[] zeros = new byte[chunk];
        try {
          while (true) {
            out.write(zeros);
          }
        } catch (IOException full) {
          // this chunk size no longer fits; the next, smaller one fills the rest
        }
      }
    } catch (IOException closingOnAFullDisk) {
      // the file holds what fitted
    }
  }

  private static void awaitStatus(SidecarProcess sidecar, String path, int status)
      throws Exception {
    Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
    int last = -1;
    while (Instant.now().isBefore(deadline)) {
      last = sidecar.get(sidecar.managementUrl(path)).statusCode();
      if (last == status) {
        return;
      }
      Thread.sleep(200);
    }
    throw new AssertionError(path + " answered " + last + ", not " + status + ", for 60 s");
  }

  private static boolean run(String... command) throws Exception {
    try {
      Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
      process.getInputStream().transferTo(OutputStream.nullOutputStream());
      return process.waitFor(30, TimeUnit.SECONDS) && process.exitValue() == 0;
    } catch (IOException noSuchCommand) {
      return false;
    }
  }
}
