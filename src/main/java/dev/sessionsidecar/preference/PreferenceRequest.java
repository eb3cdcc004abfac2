package dev.sessionsidecar.preference;

import dev.sessionsidecar.platform.PlainText;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** Body of {@code PUT /v1/preferences/{key}}: the value, and a project path or {@code global}. */
public record PreferenceRequest(
    @NotNull(message = "is required: a short text")
        @Pattern(regexp = PlainText.PATTERN, message = PlainText.RULE)
        @Size(min = 1, max = 1000, message = "must be 1 to 1000 characters")
        String value,
    @Pattern(regexp = PlainText.PATTERN, message = PlainText.RULE)
        @Size(min = 1, max = 1024, message = "must be 1 to 1024 characters: a path or global")
        String project) {}
