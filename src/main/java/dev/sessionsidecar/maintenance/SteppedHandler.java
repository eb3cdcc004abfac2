package dev.sessionsidecar.maintenance;

import com.fasterxml.jackson.databind.JsonNode;
import dev.sessionsidecar.task.TaskHandler;
import java.util.Set;

/** A maintenance handler that works in steps and takes {@code pause_ms} between them. */
abstract class SteppedHandler implements TaskHandler {

  @Override
  public Set<String> parameterNames() {
    return Set.of(Pause.PARAMETER);
  }

  @Override
  public void checkParameters(JsonNode parameters) {
    Pause.of(parameters);
  }
}
