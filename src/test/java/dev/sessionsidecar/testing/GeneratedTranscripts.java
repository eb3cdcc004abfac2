package dev.sessionsidecar.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.concurrent.TimeUnit;

/**
 * A Claude Code folder written by the benchmark's generator (bench/make-transcripts.py), and the
 * wait for a sidecar to have read all of it.
 */
public final class GeneratedTranscripts {

  private static final ObjectMapper JSON = new ObjectMapper();

  private GeneratedTranscripts() {}

  /**
   * Writes {@code sessions} sessions of {@code requests} requests each under {@code folder};
   * answers what the generator says it wrote ({@code requests}, {@code lines}, {@code sessions}).
   */
  public static JsonNode generate(Path folder, int sessions, int requests) throws Exception {
    Path out = Files.createTempFile("generated", ".json");
    Process generator =
        new ProcessBuilder(
                "python3",
                "bench/make-transcripts.py",
                folder.toString(),
                String.valueOf(sessions),
                String.valueOf(requests))
            .redirectOutput(out.toFile())
            .redirectError(ProcessBuilder.Redirect.INHERIT)
            .start();
    assertTrue(generator.waitFor(120, TimeUnit.SECONDS) && generator.exitValue() == 0);
    return JSON.readTree(Files.readString(out));
  }

  /** Waits until every line was read or skipped (the metrics count both), 5 minutes at most. */
  public static void awaitRead(SidecarProcess sidecar, long lines) throws Exception {
    Instant deadline = Instant.now().plusSeconds(300);
    long read = 0;
    while (read < lines && Instant.now().isBefore(deadline)) {
      Thread.sleep(500);
      read = 0;
      for (String line : sidecar.get(sidecar.managementUrl("/q/metrics")).body().split("\n")) {
        if (line.startsWith("sidecar_transcript_lines_total")) {
          read += (long) Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1));
        }
      }
    }
    assertEquals(lines, read, "lines read");
  }
}
