package dev.sessionsidecar.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

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

  /** Waits until some lines were read (a first batch stored), a minute at most. */
  public static void awaitSomeRead(SidecarProcess sidecar) throws Exception {
    Instant deadline = Instant.now().plusSeconds(60);
    while (linesRead(sidecar) == 0 && Instant.now().isBefore(deadline)) {
      Thread.sleep(100);
    }
    assertTrue(linesRead(sidecar) > 0, "no line read in a minute");
  }

  /** The tool calls the folder's transcripts hold: their distinct {@code tool_use} ids. */
  public static long toolUses(Path folder) throws IOException {
    Set<String> ids = new HashSet<>();
    try (Stream<Path> files = Files.walk(folder)) {
      for (Path file : files.filter(f -> f.toString().endsWith(".jsonl")).toList()) {
        for (String line : Files.readAllLines(file)) {
          for (JsonNode block : JSON.readTree(line).at("/message/content")) {
            if (block.path("type").asText().equals("tool_use")) {
              ids.add(block.path("id").asText());
            }
          }
        }
      }
    }
    return ids.size();
  }

  /** Waits until every line was read or skipped (the metrics count both), 5 minutes at most. */
  public static void awaitRead(SidecarProcess sidecar, long lines) throws Exception {
    Instant deadline = Instant.now().plusSeconds(300);
    long read = 0;
    while (read < lines && Instant.now().isBefore(deadline)) {
      Thread.sleep(500);
      read = linesRead(sidecar);
    }
    assertEquals(lines, read, "lines read");
  }

  /** The lines read or skipped so far (the metrics count both). */
  private static long linesRead(SidecarProcess sidecar) throws Exception {
    long read = 0;
    for (String line : sidecar.get(sidecar.managementUrl("/q/metrics")).body().split("\n")) {
      if (line.startsWith("sidecar_transcript_lines_total")) {
        read += (long) Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1));
      }
    }
    return read;
  }
}
