package dev.sessionsidecar.insight;

import dev.sessionsidecar.platform.PlainText;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** Optional body of {@code POST /v1/insights/{id}/dismiss}: why it was dismissed. */
public record DismissInsightRequest(
    @Pattern(regexp = PlainText.PATTERN, message = PlainText.RULE)
        @Size(max = 500, message = "must be at most 500 characters")
        String reason) {}
