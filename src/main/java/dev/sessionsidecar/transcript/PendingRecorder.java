package dev.sessionsidecar.transcript;

import dev.sessionsidecar.transcript.ReadPositions.Position;
import io.quarkus.logging.Log;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Records the lines one follower read and then saves where each of its files stands: a crash
 * between the two reads those lines again, which the request ids make harmless. A file whose lines
 * were skipped is said once in the log.
 */
final class PendingRecorder {

  private final String client;
  private final Map<Path, Position> read;
  private final ReadPositions positions;
  private final TranscriptIntake intake;
  private final Set<Path> filesWithSkippedLines = new HashSet<>();

  /** For sessions of {@code client}; {@code read} is the follower's own map, kept up to date. */
  PendingRecorder(
      String client, Map<Path, Position> read, ReadPositions positions, TranscriptIntake intake) {
    this.client = client;
    this.read = read;
    this.positions = positions;
    this.intake = intake;
  }

  /** Records what is pending in few writes, then saves the files' positions; empties it. */
  void record(PendingLines pending) {
    if (pending.parts().isEmpty()) {
      return;
    }
    List<Long> skipped = intake.record(pending.parts(), client);
    Map<Path, Long> skippedPerFile = new HashMap<>();
    for (int i = 0; i < skipped.size(); i++) {
      skippedPerFile.merge(pending.files().get(i), skipped.get(i), Long::sum);
    }
    Map<String, Position> saved = new LinkedHashMap<>();
    pending
        .positions()
        .forEach(
            (file, at) -> {
              long more = skippedPerFile.getOrDefault(file, 0L);
              Position position = new Position(at.fileKey(), at.offset(), at.skippedLines() + more);
              saved.put(file.toString(), position);
              read.put(file, position);
              if (more > 0 && filesWithSkippedLines.add(file)) {
                Log.warnf(
                    "Transcript %s: %d line(s) skipped (not JSON, malformed, or over %d bytes); this"
                        + " file is not reported again",
                    TranscriptFollower.named(file), more, NewLines.MAX_LINE_BYTES);
              }
            });
    positions.save(saved);
    pending.clear();
  }
}
