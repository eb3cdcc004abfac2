package dev.sessionsidecar.transcript;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.sessionsidecar.platform.PlainText;
import dev.sessionsidecar.usage.RecordUsageRequest;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * What a Claude Code transcript's place says about who made its requests: a session's own file
 * ({@code <project>/<session>.jsonl}) holds the main agent's; a subagent's file ({@code
 * <project>/<session>/subagents/agent-<id>.jsonl}) is not a session of its own: its lines carry the
 * parent's session id, and its requests are the subagent's, of the type its {@code
 * agent-<id>.meta.json} names.
 */
final class TranscriptFiles {

  /** How long a subagent's file waits for its meta file before its type is given up on. */
  static final Duration META_WAIT = Duration.ofSeconds(60);

  private static final ObjectMapper JSON = new ObjectMapper();

  /** The longest path whose position is kept (the column's size). */
  static final int MAX_PATH = 1024;

  private static final String SUFFIX = ".jsonl";
  private static final String META_SUFFIX = ".meta.json";

  private TranscriptFiles() {}

  /** A file's path as logged: on one line of plain text, whatever its name holds. */
  static String named(Path file) {
    return PlainText.oneLine(file.toString(), MAX_PATH);
  }

  /** Whether the path names a transcript: a {@code .jsonl} file. */
  static boolean isTranscript(Path path) {
    return path.getFileName().toString().endsWith(SUFFIX);
  }

  /**
   * The transcript a changed file tells of: itself, or a subagent's transcript when its meta file
   * changed (the transcript may have waited for it); none for any other file.
   */
  static Optional<Path> transcriptOf(Path changed) {
    String name = changed.getFileName().toString();
    if (name.endsWith(META_SUFFIX)) {
      return Optional.of(
          changed.resolveSibling(name.substring(0, name.length() - META_SUFFIX.length()) + SUFFIX));
    }
    return isTranscript(changed) ? Optional.of(changed) : Optional.empty();
  }

  /**
   * {@code agent}, {@code subagent:<type>} (named as telemetry names it), or null while a new
   * subagent file's meta file is not written yet (read it later).
   */
  static String role(Path file, BasicFileAttributes attributes) {
    Path folder = file.getParent();
    if (folder == null || !folder.getFileName().toString().equals("subagents")) {
      return "agent";
    }
    String name = file.getFileName().toString();
    Path meta = folder.resolve(name.substring(0, name.length() - SUFFIX.length()) + META_SUFFIX);
    String type = agentType(meta);
    if (type != null) {
      return RecordUsageRequest.roleNamed("subagent:" + type);
    }
    boolean waitedEnough =
        attributes.lastModifiedTime().toInstant().isBefore(Instant.now().minus(META_WAIT));
    return waitedEnough ? "subagent" : null;
  }

  private static String agentType(Path meta) {
    try {
      JsonNode type = JSON.readTree(Files.readAllBytes(meta)).path("agentType");
      return type.isTextual() && !type.asText().isBlank() ? type.asText() : null;
    } catch (IOException | RuntimeException unreadable) {
      return null;
    }
  }
}
