package dev.sessionsidecar.transcript;

import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Optional;
import java.util.function.BiFunction;

/**
 * An agent whose transcripts are read: the client a session found only there is recorded for, the
 * folder under the configured one that holds them, how many folders down in it a session's file
 * lies, and a reader for one file's lines (null while the file cannot be read yet).
 */
record TranscriptFormat(
    String client,
    String folder,
    int depth,
    BiFunction<Path, BasicFileAttributes, LineReader> readers) {

  /** Claude Code: {@code <CLAUDE_CONFIG_DIR>/projects/<escaped cwd>/<session>.jsonl}. */
  static final TranscriptFormat CLAUDE_CODE =
      new TranscriptFormat(
          "claude-code",
          "projects",
          1,
          (file, attributes) -> {
            String role = TranscriptFiles.role(file, attributes);
            return role == null ? null : new ClaudeCodeTranscript(role);
          });

  /** Codex CLI: {@code <CODEX_HOME>/sessions/YYYY/MM/DD/rollout-*.jsonl}. */
  static final TranscriptFormat CODEX =
      new TranscriptFormat("codex", "sessions", 3, (file, attributes) -> new CodexRollout());

  /**
   * The agent folder (the one holding {@link #folder}) of a session's file named by its absolute
   * path, when the file is laid out as this agent lays its files out; empty for any other path.
   */
  Optional<Path> agentFolderOf(String sessionFile) {
    Path file;
    try {
      file = Path.of(sessionFile);
    } catch (InvalidPathException e) {
      return Optional.empty();
    }
    if (!file.isAbsolute() || !file.equals(file.normalize()) || !sessionFile.endsWith(".jsonl")) {
      return Optional.empty();
    }
    Path formatFolder = file.getParent();
    for (int i = 0; i < depth && formatFolder != null; i++) {
      formatFolder = formatFolder.getParent();
    }
    boolean laidOut =
        formatFolder != null
            && formatFolder.getParent() != null
            && formatFolder.getFileName().toString().equals(folder);
    return laidOut ? Optional.of(formatFolder.getParent()) : Optional.empty();
  }

  LineReader reader(Path file, BasicFileAttributes attributes) {
    return readers.apply(file, attributes);
  }
}
