package dev.sessionsidecar.transcript;

import dev.sessionsidecar.platform.HandedOff;
import dev.sessionsidecar.transcript.ReadPositions.Position;
import io.quarkus.logging.Log;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * Records the lines one follower read, then saves where each of its files stands: a crash between
 * the two reads those lines again, which the request ids make harmless. The follower's thread reads
 * a batch while the batch before it is stored on a thread of this recorder's (a backfill's parsing
 * and writing overlap); at most one batch is being stored, and a batch is handed over only once the
 * one before it was stored, so a failed write leaves every later line unrecorded and unmarked. A
 * file whose lines were skipped is said once in the log.
 */
final class PendingRecorder {

  private final String client;
  private final Map<Path, Position> read;
  private final ReadPositions positions;
  private final TranscriptIntake intake;
  private final Set<Path> filesWithSkippedLines = new HashSet<>();
  private final ExecutorService storing;
  private CompletableFuture<Void> beingStored = CompletableFuture.completedFuture(null);

  /**
   * For sessions of {@code client}; {@code read} is the follower's own map (safe for two threads),
   * kept up to date as batches are stored.
   */
  PendingRecorder(
      String client, Map<Path, Position> read, ReadPositions positions, TranscriptIntake intake) {
    this.client = client;
    this.read = read;
    this.positions = positions;
    this.intake = intake;
    this.storing =
        Executors.newSingleThreadExecutor(
            work -> {
              Thread thread = new Thread(work, "transcript-store-" + client);
              thread.setDaemon(true);
              return thread;
            });
  }

  /**
   * Reads what is pending and hands it over to be stored once the batch before it is, then empties
   * it; throws what failed the batch before (this one is then dropped, to be read again from the
   * saved positions).
   */
  void record(PendingLines pending) {
    if (pending.parts().isEmpty()) {
      return;
    }
    TranscriptIntake.ReadParts parts = intake.read(pending.parts());
    List<Path> files = List.copyOf(pending.files());
    Map<Path, Position> at = new LinkedHashMap<>(pending.positions());
    pending.clear();
    awaitStored();
    beingStored = CompletableFuture.runAsync(() -> store(parts, files, at), storing);
  }

  /** Waits until every batch handed over is stored; throws what failed the last one. */
  void awaitStored() {
    HandedOff.result(beingStored, "transcript lines to be stored");
  }

  /**
   * Waits until the batch being stored is done, whatever came of it, and forgets how it went: the
   * follower reads again from the saved positions, and the next batch is handed over afresh.
   */
  void settle() {
    try {
      awaitStored();
    } catch (RuntimeException alreadyReported) {
      // The follower is already retrying from the saved positions.
    } finally {
      beingStored = CompletableFuture.completedFuture(null);
    }
  }

  /** Lets the batch being stored finish (a little while at most), then ends the thread. */
  void stop() throws InterruptedException {
    storing.shutdown();
    storing.awaitTermination(5, TimeUnit.SECONDS);
  }

  /**
   * Stores a batch and marks it read; a failure of the storage keeps the sidecar unready a while
   * (one of reading the files does not: it is not the storage's).
   */
  private void store(TranscriptIntake.ReadParts parts, List<Path> files, Map<Path, Position> at) {
    try {
      storeAndMark(parts, files, at);
    } catch (RuntimeException failed) {
      intake.failed(failed);
      throw failed;
    }
  }

  /**
   * Stores a batch, then saves where its files stand: each file's skipped lines are the ones
   * counted before, plus those the batch skipped as too long ({@code at}'s) or unusable.
   */
  private void storeAndMark(
      TranscriptIntake.ReadParts parts, List<Path> files, Map<Path, Position> at) {
    intake.store(parts, client);
    Map<Path, Long> unusable = new HashMap<>();
    for (int i = 0; i < files.size(); i++) {
      unusable.merge(files.get(i), parts.skipped().get(i), Long::sum);
    }
    Map<Path, Position> stored = new LinkedHashMap<>();
    Map<String, Position> saved = new LinkedHashMap<>();
    at.forEach(
        (file, position) -> {
          long before = read.getOrDefault(file, Position.START).skippedLines();
          long more = unusable.getOrDefault(file, 0L);
          Position now =
              new Position(
                  position.fileKey(), position.offset(), before + position.skippedLines() + more);
          stored.put(file, now);
          saved.put(file.toString(), now);
          if (more > 0 && filesWithSkippedLines.add(file)) {
            Log.warnf(
                "Transcript %s: %d line(s) skipped (not JSON, malformed, or over %d bytes); this"
                    + " file is not reported again",
                TranscriptFiles.named(file), more, NewLines.MAX_LINE_BYTES);
          }
        });
    positions.save(saved);
    read.putAll(stored);
  }
}
