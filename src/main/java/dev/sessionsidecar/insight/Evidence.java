package dev.sessionsidecar.insight;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import dev.sessionsidecar.platform.PlainText;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * What an insight rests on: a reference to a session, tool call, usage record, task, file or URL,
 * with the session it belongs to where that helps, and a short excerpt.
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Evidence(
    @NotBlank(message = "is required: " + Evidence.TYPES)
        @Pattern(
            regexp = "session|tool_call|usage_record|task|file|url|model|note",
            message = "must be one of " + Evidence.TYPES)
        String type,
    @Pattern(regexp = PlainText.PATTERN, message = PlainText.RULE)
        @Size(max = 1024, message = "must be at most 1024 characters")
        String ref,
    @Pattern(regexp = PlainText.PATTERN, message = PlainText.RULE)
        @Size(max = 128, message = "must be at most 128 characters")
        String sessionId,
    @Size(max = 500, message = "must be at most 500 characters") String excerpt) {

  static final String TYPES = "session, tool_call, usage_record, task, file, url, model, note";

  /** The longest excerpt kept; pondering cuts its excerpts to this. */
  static final int MAX_EXCERPT = 500;
}
