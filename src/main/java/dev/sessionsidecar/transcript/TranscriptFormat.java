package dev.sessionsidecar.transcript;

import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.function.BiFunction;

/**
 * An agent whose transcripts are read: the client a session found only there is recorded for, the
 * folder under the configured one that holds them, and a reader for one file's lines (null while
 * the file cannot be read yet).
 */
record TranscriptFormat(
    String client, String folder, BiFunction<Path, BasicFileAttributes, LineReader> readers) {

  /** Claude Code: {@code <CLAUDE_CONFIG_DIR>/projects/<escaped cwd>/<session>.jsonl}. */
  static final TranscriptFormat CLAUDE_CODE =
      new TranscriptFormat(
          "claude-code",
          "projects",
          (file, attributes) -> {
            String role = TranscriptFiles.role(file, attributes);
            return role == null ? null : new ClaudeCodeTranscript(role);
          });

  /** Codex CLI: {@code <CODEX_HOME>/sessions/YYYY/MM/DD/rollout-*.jsonl}. */
  static final TranscriptFormat CODEX =
      new TranscriptFormat("codex", "sessions", (file, attributes) -> new CodexRollout());

  LineReader reader(Path file, BasicFileAttributes attributes) {
    return readers.apply(file, attributes);
  }
}
