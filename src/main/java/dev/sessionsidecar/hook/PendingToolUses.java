package dev.sessionsidecar.hook;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * When each announced tool use started ({@code PreToolUse}), kept until its {@code PostToolUse}
 * pairs with it. In memory and bounded: a lost entry only costs the call its measured duration.
 */
@ApplicationScoped
class PendingToolUses {

  static final int MAX_PENDING = 10_000;

  private final Map<String, Instant> started =
      new LinkedHashMap<>() {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Instant> eldest) {
          return size() > MAX_PENDING;
        }
      };

  synchronized void started(String toolUseId, Instant at) {
    started.putIfAbsent(toolUseId, at);
  }

  /** The start of the tool use, if it was announced; forgets it. */
  synchronized Instant finished(String toolUseId) {
    return started.remove(toolUseId);
  }
}
