package dev.sessionsidecar.preference;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import java.time.Instant;

/**
 * A preference as the API shows it: {@code project} is a path or {@code global}; {@code
 * overrides_global} says a project value hides a global one under the same key.
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record PreferenceView(
    String key, String value, String project, boolean overridesGlobal, Instant updatedAt) {}
