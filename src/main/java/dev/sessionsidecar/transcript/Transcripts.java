package dev.sessionsidecar.transcript;

import dev.sessionsidecar.platform.PlainText;
import io.quarkus.logging.Log;
import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Starts a follower for each agent whose transcript folder is configured, and one for each agent
 * folder a hook event's {@code transcript_path} leads to, and stops them.
 */
@ApplicationScoped
public class Transcripts {

  /** Agent folders found through hook events that are followed at most (a thread each). */
  static final int MAX_FOUND = 4;

  /** Paths the sidecar cannot read that are logged at most. */
  static final int MAX_LOGGED_PATHS = 20;

  /** Transcript paths already looked at, so that each event after the first costs a lookup. */
  private static final int MAX_SEEN_PATHS = 1000;

  private final TranscriptConfig config;
  private final ReadPositions positions;
  private final TranscriptIntake intake;
  private final TranscriptMetrics metrics;
  private final List<TranscriptFollower> followers = new ArrayList<>();
  private final Set<String> seenPaths = ConcurrentHashMap.newKeySet();
  private final AtomicInteger unreadableLogged = new AtomicInteger();
  private int found;

  Transcripts(
      TranscriptConfig config,
      ReadPositions positions,
      TranscriptIntake intake,
      TranscriptMetrics metrics) {
    this.config = config;
    this.positions = positions;
    this.intake = intake;
    this.metrics = metrics;
  }

  void onStart(@Observes StartupEvent event) throws IOException {
    if (config.claudeCode().isEmpty() && config.codex().isEmpty()) {
      return;
    }
    Map<Path, ReadPositions.Position> read = read();
    follow(TranscriptFormat.CLAUDE_CODE, config.claudeCode(), read);
    follow(TranscriptFormat.CODEX, config.codex(), read);
  }

  /**
   * The transcript a hook event of {@code client} named: when it is Claude Code's, the sidecar can
   * read it (the agent's folder is shared at the same path) and its agent folder is not followed
   * yet, that folder is followed from now on as if it were configured. A path it cannot read
   * changes nothing: hooks without a shared folder are the common case, and said so once in the
   * log.
   */
  public void named(String client, String transcriptPath) {
    if (transcriptPath == null || seenPaths.contains(transcriptPath)) {
      return;
    }
    // Claude Code's only: its transcript and its telemetry share request ids. Codex's telemetry
    // shares no id with its rollouts, so a rollout folder found after telemetry counted responses
    // would count them again; Codex's are read only when configured, and then its telemetry's
    // responses are left to them from the start.
    TranscriptFormat format = TranscriptFormat.CLAUDE_CODE;
    Optional<Path> folder =
        format.client().equals(client) ? format.agentFolderOf(transcriptPath) : Optional.empty();
    Path file = Path.of(folder.isPresent() ? transcriptPath : "/");
    if (folder.isPresent() && !Files.exists(file, LinkOption.NOFOLLOW_LINKS)) {
      // Not written yet (a session's first event comes before its first line): asked again later.
      return;
    }
    if (seenPaths.size() >= MAX_SEEN_PATHS) {
      seenPaths.clear();
    }
    seenPaths.add(transcriptPath);
    boolean readable =
        folder.isPresent()
            && Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)
            && Files.isReadable(file);
    if (!readable) {
      sayUnreadable(client, transcriptPath);
      return;
    }
    followFound(format, folder.get());
  }

  /**
   * One log line per path the sidecar cannot read, up to {@link #MAX_LOGGED_PATHS}: the path comes
   * from a caller, so it is logged on one line of plain text, and a flood of them cannot fill the
   * log.
   */
  private void sayUnreadable(String client, String transcriptPath) {
    int logged = unreadableLogged.incrementAndGet();
    if (logged <= MAX_LOGGED_PATHS) {
      Log.infof(
          "The %s transcript %s that a hook event named is not a file the sidecar can read (share"
              + " the agent's folder at the same path to read it); usage comes from the other"
              + " sources%s",
          client,
          PlainText.oneLine(transcriptPath, 300),
          logged == MAX_LOGGED_PATHS ? " (further such paths are not logged)" : "");
    }
  }

  private synchronized void followFound(TranscriptFormat format, Path folder) {
    boolean followed = followers.stream().anyMatch(f -> f.follows(format, folder));
    if (followed || found >= MAX_FOUND) {
      if (!followed) {
        Log.warnf("%s not followed: %d folders found through hooks are already", folder, found);
      }
      return;
    }
    try {
      follow(format, Optional.of(folder), read());
      found++;
    } catch (IOException | RuntimeException e) {
      Log.warnf("The transcripts under %s cannot be followed: %s", folder, e.toString());
    }
  }

  private Map<Path, ReadPositions.Position> read() {
    Map<Path, ReadPositions.Position> read = new HashMap<>();
    positions.load().forEach((path, position) -> read.put(Path.of(path), position));
    return read;
  }

  private synchronized void follow(
      TranscriptFormat format, Optional<Path> folder, Map<Path, ReadPositions.Position> read)
      throws IOException {
    if (folder.isPresent()) {
      followers.add(
          new TranscriptFollower(
              format,
              folder.get().toAbsolutePath().normalize(),
              config.rescanInterval(),
              read,
              positions,
              intake,
              metrics));
    }
  }

  /**
   * What is read, for the page: the folders followed ({@code claude-code /agent/claude}), and the
   * lines read and skipped and the files skipped since start.
   */
  public record Status(
      List<String> folders, long linesRead, long linesSkipped, long filesSkipped) {}

  public synchronized Status status() {
    return new Status(
        followers.stream().map(TranscriptFollower::describe).toList(),
        metrics.readLines(),
        metrics.skippedLines(),
        metrics.skippedFiles());
  }

  @PreDestroy
  synchronized void stop() throws IOException, InterruptedException {
    for (TranscriptFollower follower : followers) {
      follower.stop();
    }
  }
}
