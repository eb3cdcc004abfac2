package dev.sessionsidecar.task;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;
import dev.sessionsidecar.platform.PlainText;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * Body of {@code POST /v1/tasks}: a sidecar kind to run (with its parameters), or {@code external}
 * to track work the agent runs itself. {@code ttl} and {@code pollInterval} are in ms.
 */
public record CreateTaskRequest(
    @NotBlank(message = "is required: a sidecar kind, or external for work the agent runs")
        @Pattern(regexp = "^[a-z][a-z0-9_]{0,49}$", message = "must be a task kind such as purge")
        String kind,
    @Pattern(regexp = PlainText.PATTERN, message = PlainText.RULE)
        @Size(min = 1, max = 500, message = "must be 1 to 500 characters")
        String title,
    @JsonProperty("session_id")
        @Pattern(
            regexp = "^[A-Za-z0-9][A-Za-z0-9._:-]{0,127}$",
            message = "must be a session id: 1 to 128 of letters, digits and . _ : -")
        String sessionId,
    @Min(value = 1000, message = "must be at least 1000 (ms)") Long ttl,
    @Min(value = 100, message = "must be at least 100 (ms)")
        @Max(value = 3_600_000, message = "must be at most 3600000 (ms)")
        Long pollInterval,
    JsonNode parameters) {}
