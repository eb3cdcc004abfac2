package dev.sessionsidecar.transcript;

import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;

/** An agent whose transcripts are read: where under its folder they are, and how they read. */
interface TranscriptFormat {

  /** The client a session found only in these transcripts is recorded for. */
  String client();

  /** The folder under the configured one that holds the transcripts. */
  String folder();

  /** A reader for one file's lines, or null while the file cannot be read yet. */
  LineReader reader(Path file, BasicFileAttributes attributes);

  /** Claude Code: {@code <CLAUDE_CONFIG_DIR>/projects/<escaped cwd>/<session>.jsonl}. */
  TranscriptFormat CLAUDE_CODE =
      new TranscriptFormat() {
        @Override
        public String client() {
          return "claude-code";
        }

        @Override
        public String folder() {
          return "projects";
        }

        @Override
        public LineReader reader(Path file, BasicFileAttributes attributes) {
          String role = TranscriptFiles.role(file, attributes);
          return role == null ? null : line -> ClaudeCodeLine.read(line, role);
        }
      };

  /** Codex CLI: {@code <CODEX_HOME>/sessions/YYYY/MM/DD/rollout-*.jsonl}. */
  TranscriptFormat CODEX =
      new TranscriptFormat() {
        @Override
        public String client() {
          return "codex";
        }

        @Override
        public String folder() {
          return "sessions";
        }

        @Override
        public LineReader reader(Path file, BasicFileAttributes attributes) {
          return new CodexRollout();
        }
      };
}
