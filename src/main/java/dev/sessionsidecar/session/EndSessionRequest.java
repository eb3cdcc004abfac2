package dev.sessionsidecar.session;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import jakarta.validation.constraints.Size;

/** Body of {@code POST /v1/sessions/{id}/end}; without a summary the sidecar writes one. */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record EndSessionRequest(
    @Size(min = 1, max = 4000, message = "must be 1 to 4000 characters") String summary) {}
