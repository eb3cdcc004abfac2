package dev.sessionsidecar.session;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import dev.sessionsidecar.platform.PlainText;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import java.time.Instant;

/** Body of {@code POST /v1/sessions/{id}/tool-calls}: one tool call the agent made. */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record RecordToolCallRequest(
    @Pattern(regexp = PlainText.PATTERN, message = PlainText.RULE)
        @Size(min = 1, max = 200, message = "must be 1 to 200 characters")
        String callId,
    @Pattern(regexp = PlainText.PATTERN, message = PlainText.RULE)
        @NotBlank(message = "is required and must not be blank")
        @Size(max = 200, message = "must be at most 200 characters")
        String tool,
    JsonNode arguments,
    Boolean ok,
    @Size(max = MAX_ERROR, message = "must be at most 4000 characters") String error,
    @Size(max = MAX_RESULT, message = "must be at most 2000 characters") String resultSummary,
    @PositiveOrZero(message = "must be 0 or more")
        @Max(value = 604_800_000L, message = "must be at most 604800000 (7 days)")
        Long durationMs,
    Instant startedAt,
    @Pattern(regexp = PlainText.PATTERN, message = PlainText.RULE)
        @Size(max = 200, message = "must be at most 200 characters")
        String agent,
    @Pattern(regexp = PlainText.PATTERN, message = PlainText.RULE)
        @Size(max = 200, message = "must be at most 200 characters")
        String promptId) {

  /** The longest error kept: a longer one reported by a door that summarises is cut to this. */
  public static final int MAX_ERROR = 4000;

  /** The longest result summary kept, likewise. */
  public static final int MAX_RESULT = 2000;

  /** A call is an error when {@code ok} says so, or when it carries an error and no {@code ok}. */
  boolean succeeded() {
    return ok != null ? ok : error == null;
  }
}
