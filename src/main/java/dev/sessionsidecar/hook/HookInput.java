package dev.sessionsidecar.hook;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * A hook input as the API description shows it: the fields the sidecar reads, and their rules. Only
 * the description uses it; {@link HookEvent} reads the JSON itself, since hooks gain fields between
 * releases and those are ignored.
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
@Schema(
    name = "HookInput",
    description = "One hook event as the agent sends it; fields not listed are ignored",
    additionalProperties = Schema.True.class)
record HookInput(
    @Schema(required = true, description = "The event, e.g. PostToolUse") String hookEventName,
    @Schema(required = true, maxLength = 128, description = "The agent's session id")
        String sessionId,
    @Schema(maxLength = 1024, description = "The working directory: the project of a new session")
        String cwd,
    @Schema(description = "SessionStart: startup, resume, clear, compact or fork") String source,
    @Schema(maxLength = 40) String permissionMode,
    @Schema(maxLength = 200) String toolName,
    @Schema(description = "The tool's arguments") JsonNode toolInput,
    @Schema(maxLength = 200, description = "The call's id: a call reported twice counts once")
        String toolUseId,
    @Schema(description = "The tool's output, kept as a one-line summary") JsonNode toolResponse,
    @Schema(description = "Why the call or the turn failed") JsonNode error,
    Boolean isInterrupt,
    @Schema(minimum = "0") Long durationMs,
    @Schema(maxLength = 200) String agentId,
    @Schema(maxLength = 200) String agentType,
    @Schema(maxLength = 200) String promptId,
    @Schema(maxLength = 200, description = "TaskCreated, TaskCompleted") String taskId,
    String taskSubject,
    String taskDescription,
    @Schema(description = "SessionEnd") String reason,
    @Schema(description = "StopFailure") JsonNode errorDetails,
    @Schema(description = "PostCompact") String compactSummary,
    @Schema(maxItems = 500, description = "PostToolBatch: the batch's calls")
        List<JsonNode> toolCalls) {}
