package dev.sessionsidecar.transcript;

import dev.sessionsidecar.transcript.ReadPositions.Position;
import io.quarkus.logging.Log;
import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.ClosedWatchServiceException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Follows one agent's transcripts under its configured folder: what exists at start is read first
 * (sessions from before the sidecar), then each file is read on as it grows, woken by the file
 * system's change events (and a slow rescan under them), never by a tight poll. One thread per
 * agent does it all, so a file is never read twice at once. The folders are only read.
 */
final class TranscriptFollower {

  /** Bytes read from one file before its lines are recorded, bounding memory in a backfill. */
  private static final long READ_BUDGET = 8L * 1024 * 1024;

  /** How often a folder that does not exist yet is looked for. */
  private static final Duration ABSENT_FOLDER_CHECK = Duration.ofSeconds(2);

  private final TranscriptFormat format;
  private final Path root;
  private final Duration rescan;
  private final TranscriptIntake intake;
  private final TranscriptMetrics metrics;
  private final Map<Path, Position> read;
  private final Map<Path, LineReader> readers = new HashMap<>();
  private final Set<Path> skippedFiles = new HashSet<>();
  private final PendingRecorder recorder;
  private final FolderWatch watch;
  private final Thread thread;
  private volatile boolean running = true;
  private boolean saidAbsent;

  /** Starts following {@code format}'s files under {@code root}, from the positions read before. */
  TranscriptFollower(
      TranscriptFormat format,
      Path root,
      Duration rescan,
      Map<Path, Position> read,
      ReadPositions positions,
      TranscriptIntake intake,
      TranscriptMetrics metrics)
      throws IOException {
    this.format = format;
    this.root = root;
    this.rescan = rescan;
    this.read = new ConcurrentHashMap<>(read);
    this.intake = intake;
    this.recorder = new PendingRecorder(format.client(), this.read, positions, intake);
    this.metrics = metrics;
    this.watch = new FolderWatch();
    this.thread = new Thread(this::follow, "transcripts-" + format.client());
    thread.setDaemon(true);
    thread.start();
    Log.infof("Reading %s transcripts under %s", format.client(), root.resolve(format.folder()));
  }

  /** What this follows, for people: the agent and its folder. */
  String describe() {
    return format.client() + " " + root;
  }

  /** Whether this follows {@code format}'s files under {@code folder}. */
  boolean follows(TranscriptFormat format, Path folder) {
    return this.format.equals(format) && root.equals(folder);
  }

  void stop() throws IOException, InterruptedException {
    running = false;
    watch.close();
    thread.join(Duration.ofSeconds(5).toMillis());
    recorder.stop();
  }

  private void follow() {
    Path projects = root.resolve(format.folder());
    // What to look at: the whole folder at first, after a failure and once a rescan interval;
    // between those, only what the change events named, so a line costs no walk of every file.
    Set<Path> toLook = Set.of(projects);
    Instant lookedAtAll = Instant.MIN;
    while (running) {
      try {
        if (Files.isDirectory(projects)) {
          if (toLook.contains(projects)) {
            lookedAtAll = Instant.now();
          }
          lookAt(toLook);
          Optional<Set<Path>> changed = watch.awaitChange(rescan);
          boolean due = !Instant.now().isBefore(lookedAtAll.plus(rescan));
          toLook = changed.isPresent() && !due ? changed.get() : Set.of(projects);
        } else {
          sayAbsentOnce(projects);
          // Only the agent's folder itself: set to a home or a root by mistake, the sidecar would
          // otherwise walk and watch all of it.
          watch.folder(root);
          watch.awaitChange(ABSENT_FOLDER_CHECK);
          toLook = Set.of(projects);
        }
      } catch (ClosedWatchServiceException | InterruptedException stopped) {
        return;
      } catch (IOException | RuntimeException e) {
        // The store or the folder failed for now: nothing was marked read, the next pass retries
        // from the saved positions, with readers that have not read ahead of them.
        recorder.settle();
        readers.clear();
        toLook = Set.of(projects);
        Log.warnf("Reading transcripts under %s failed, retrying: %s", projects, e.toString());
        sleep(rescan);
      }
    }
  }

  /** Says once that the folder is not there, so a volume not mounted does not go unnoticed. */
  private void sayAbsentOnce(Path projects) {
    if (!saidAbsent) {
      saidAbsent = true;
      Log.infof(
          "No folder %s yet (%s): looked for every %d s",
          TranscriptFiles.named(projects),
          Files.isDirectory(root)
              ? "its parent is there"
              : "nor a folder " + TranscriptFiles.named(root),
          ABSENT_FOLDER_CHECK.toSeconds());
    }
  }

  /** Reads on in the transcripts among these paths ({@link FolderWatch#transcriptsAmong}). */
  private void lookAt(Set<Path> paths) throws IOException {
    Set<Path> files =
        watch.transcriptsAmong(paths, unreadable -> skipFile(unreadable, "unreadable"));
    PendingLines pending = new PendingLines();
    for (Path file : files) {
      if (!running) {
        return;
      }
      readOn(file, pending);
    }
    recorder.record(pending);
    recorder.awaitStored();
  }

  /** Reads what the file gained since it was last read, recording whenever enough is pending. */
  private void readOn(Path file, PendingLines pending) throws IOException {
    BasicFileAttributes attributes;
    try {
      attributes = Files.readAttributes(file, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
    } catch (IOException gone) {
      return;
    }
    if (!attributes.isRegularFile() || file.toString().length() > TranscriptFiles.MAX_PATH) {
      skipFile(
          file,
          attributes.isSymbolicLink() ? "a link" : "not a regular file, or its path is too long");
      return;
    }
    Position at = resumePoint(file, attributes);
    try {
      LineReader reader = attributes.size() == at.offset() ? null : readerOf(file, attributes, at);
      while (reader != null && running) {
        NewLines.Read lines = NewLines.from(file, at.offset(), READ_BUDGET);
        if (lines.offset() == at.offset()) {
          return;
        }
        metrics.linesSkipped(lines.overlong());
        at = new Position(at.fileKey(), lines.offset(), at.skippedLines());
        pending.add(
            file,
            new TranscriptIntake.Part(lines.lines(), reader),
            new Position(at.fileKey(), at.offset(), lines.overlong()));
        if (pending.bytes() >= READ_BUDGET) {
          recorder.record(pending);
        }
      }
    } catch (AccessDeniedException e) {
      skipFile(file, "unreadable");
    }
  }

  /**
   * Where to read the file on from: where reading stopped, or its start for a new file and for one
   * replaced or cut short (the request ids keep what was recorded from it before from counting
   * twice).
   */
  private Position resumePoint(Path file, BasicFileAttributes attributes) {
    String key = String.valueOf(attributes.fileKey());
    Position at = read.getOrDefault(file, Position.START);
    if (!Objects.equals(at.fileKey(), key) || attributes.size() < at.offset()) {
      return new Position(key, 0, at.skippedLines());
    }
    return at;
  }

  /**
   * The file's reader: the one that read it so far, or a new one (null while the file cannot be
   * read yet), given what the lines before {@code at} tell when its lines need them.
   */
  private LineReader readerOf(Path file, BasicFileAttributes attributes, Position at)
      throws IOException {
    LineReader reader = readers.get(file);
    if (reader != null && at.offset() > 0) {
      return reader;
    }
    reader = format.reader(file, attributes);
    if (reader != null && reader.needsEarlierLines()) {
      // Read up to exactly where recording stopped: the lines after it are recorded next.
      for (long offset = 0; offset < at.offset(); ) {
        NewLines.Read earlier =
            NewLines.from(file, offset, Math.min(READ_BUDGET, at.offset() - offset));
        intake.skim(earlier.lines(), reader);
        offset = earlier.offset() > offset ? earlier.offset() : at.offset();
      }
    }
    if (reader != null) {
      readers.put(file, reader);
    }
    return reader;
  }

  private void skipFile(Path file, String why) {
    if (skippedFiles.add(file)) {
      metrics.fileSkipped();
      Log.warnf("Transcript %s skipped: %s", TranscriptFiles.named(file), why);
    }
  }

  private static void sleep(Duration duration) {
    try {
      Thread.sleep(duration.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
