package dev.sessionsidecar.transcript;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The tool calls of one transcript file that started and have not finished yet, by call id: what a
 * result needs to name and time its call. Bounded, as a turn runs a few calls at once and a file
 * whose results never come must not grow the map.
 */
final class StartedCalls {

  private static final int MAX_OPEN = 10_000;

  /** The longest duration a call is recorded with, as the tool-call API takes it. */
  private static final Duration MAX_DURATION = Duration.ofDays(7);

  /** A call's tool and start. */
  record Started(String tool, Instant at) {

    /** How long the call took until {@code finished}; null when that is not a duration we keep. */
    Long millisUntil(Instant finished) {
      Duration took = Duration.between(at, finished);
      return took.isNegative() || took.compareTo(MAX_DURATION) > 0 ? null : took.toMillis();
    }
  }

  private final Map<String, Started> open =
      new LinkedHashMap<>() {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Started> eldest) {
          return size() > MAX_OPEN;
        }
      };

  void start(String callId, String tool, Instant at) {
    open.put(callId, new Started(tool, at));
  }

  /** The call's start, if it was read in this file since the reader began; forgotten then. */
  Optional<Started> finish(String callId) {
    return Optional.ofNullable(open.remove(callId));
  }
}
