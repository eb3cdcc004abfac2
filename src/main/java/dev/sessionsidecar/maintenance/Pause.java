package dev.sessionsidecar.maintenance;

import com.fasterxml.jackson.databind.JsonNode;
import dev.sessionsidecar.platform.ApiException;

/**
 * The {@code pause_ms} parameter of the maintenance kinds: a pause between steps, so a big run
 * yields to the agent.
 */
final class Pause {

  static final String PARAMETER = "pause_ms";
  static final long MAX_MS = 60_000;

  private Pause() {}

  static long of(JsonNode parameters) {
    JsonNode value = parameters.get(PARAMETER);
    if (value == null) {
      return 0;
    }
    if (!value.isIntegralNumber() || value.asLong() < 0 || value.asLong() > MAX_MS) {
      throw ApiException.invalidArgument(
          "parameters." + PARAMETER, "must be an integer from 0 to " + MAX_MS);
    }
    return value.asLong();
  }
}
