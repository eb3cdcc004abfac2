package dev.sessionsidecar.task;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** Body of {@code PATCH /v1/tasks/{id}}: the agent reports on a task it runs. */
public record UpdateTaskRequest(
    @Pattern(
            regexp = "working|input_required|completed|failed",
            message =
                "must be one of working, input_required, completed, failed (cancel with POST"
                    + " /v1/tasks/{id}/cancel)")
        String status,
    @Size(max = 1000, message = "must be at most 1000 characters") String statusMessage,
    @DecimalMin(value = "0", message = "must be from 0 to 1")
        @DecimalMax(value = "1", message = "must be from 0 to 1")
        Double progress,
    JsonNode result,
    @Size(max = 4000, message = "must be at most 4000 characters") String error) {}
