package dev.sessionsidecar.transcript;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

/** Where the agents' own transcripts are read from, under {@code sidecar.transcripts.}. */
@ConfigMapping(prefix = "sidecar.transcripts")
public interface TranscriptConfig {

  /**
   * The folder that holds Claude Code's {@code projects/} (the agent's {@code CLAUDE_CONFIG_DIR},
   * by default {@code ~/.claude}), shared with the agent's container; unset: not read.
   */
  Optional<Path> claudeCode();

  /**
   * Codex CLI's home (the agent's {@code CODEX_HOME}, by default {@code ~/.codex}), whose {@code
   * sessions/} holds its rollout files, shared with the agent's container; unset: not read.
   */
  Optional<Path> codex();

  /**
   * How often every file is looked at even when no change was announced: the safety net under the
   * file-system watch (a folder created between two looks, a file system without events).
   */
  @WithDefault("30S")
  Duration rescanInterval();
}
