package dev.sessionsidecar.session;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import java.time.Instant;

/**
 * A recorded tool call. {@code arguments} is the JSON the agent sent, or, when it was cut to the
 * stored size, a string holding its first characters with {@code arguments_truncated} true.
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record ToolCallView(
    long id,
    String sessionId,
    String callId,
    String tool,
    JsonNode arguments,
    boolean argumentsTruncated,
    boolean ok,
    String error,
    String resultSummary,
    Long durationMs,
    Instant startedAt,
    Instant recordedAt,
    @JsonInclude(JsonInclude.Include.NON_NULL) String agent,
    @JsonInclude(JsonInclude.Include.NON_NULL) String promptId) {}
