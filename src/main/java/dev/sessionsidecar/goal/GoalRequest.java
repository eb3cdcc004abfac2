package dev.sessionsidecar.goal;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import dev.sessionsidecar.platform.PlainText;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * Body of {@code POST /v1/goals} and {@code PATCH /v1/goals/{id}}: on a POST {@code title} is
 * required and the rest default (planning, medium, 0 %, the active project); on a PATCH every field
 * given replaces the stored one. {@code project} is a path or {@code global}, and only for a POST.
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record GoalRequest(
    @Pattern(regexp = "(?s).*\\S.*", message = "must not be empty")
        @Pattern(regexp = PlainText.PATTERN, message = PlainText.RULE)
        @Size(max = 300, message = "must be at most 300 characters")
        String title,
    @Size(max = 4000, message = "must be at most 4000 characters") String detail,
    @Pattern(regexp = GoalStatus.PATTERN, message = "must be one of " + GoalStatus.WIRE)
        String status,
    @Pattern(regexp = GoalPriority.PATTERN, message = "must be one of " + GoalPriority.WIRE)
        String priority,
    @Min(value = 0, message = "must be an integer from 0 to 100")
        @Max(value = 100, message = "must be an integer from 0 to 100")
        Integer progressPercent,
    @Pattern(regexp = PlainText.PATTERN, message = PlainText.RULE)
        @Size(min = 1, max = 1024, message = "must be 1 to 1024 characters: a path or global")
        String project) {}
