package dev.sessionsidecar.transcript;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Optional;

/**
 * Reads the lines of one transcript file in order: what a line reports, or empty for a line that
 * reports none; an {@link IllegalArgumentException} for one that claims to and is malformed.
 */
interface LineReader {

  Optional<TranscriptEntry> read(JsonNode line);

  /**
   * Whether a line depends on lines before it (Codex names the session and model once, at the top):
   * then a file read on from the middle is first read from its start for that context.
   */
  default boolean needsEarlierLines() {
    return false;
  }
}
