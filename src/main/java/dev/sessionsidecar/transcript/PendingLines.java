package dev.sessionsidecar.transcript;

import dev.sessionsidecar.transcript.ReadPositions.Position;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Lines read from one or more files and not recorded yet, with where each file then stands. */
final class PendingLines {

  private final List<Path> files = new ArrayList<>();
  private final List<TranscriptIntake.Part> parts = new ArrayList<>();
  private final Map<Path, Position> positions = new LinkedHashMap<>();
  private long bytes;

  /**
   * Adds lines of {@code file}; {@code after} is where the file then stands, with the lines skipped
   * as too long in this read (added up over the file's parts).
   */
  void add(Path file, TranscriptIntake.Part part, Position after) {
    files.add(file);
    parts.add(part);
    positions.merge(
        file,
        after,
        (earlier, later) ->
            new Position(
                later.fileKey(), later.offset(), earlier.skippedLines() + later.skippedLines()));
    bytes += part.lines().stream().mapToLong(String::length).sum();
  }

  /** The file each part was read from, in the order of {@link #parts}. */
  List<Path> files() {
    return files;
  }

  List<TranscriptIntake.Part> parts() {
    return parts;
  }

  /**
   * Where each file stands once its parts are recorded, with the lines its parts skipped as too
   * long.
   */
  Map<Path, Position> positions() {
    return positions;
  }

  long bytes() {
    return bytes;
  }

  void clear() {
    files.clear();
    parts.clear();
    positions.clear();
    bytes = 0;
  }
}
