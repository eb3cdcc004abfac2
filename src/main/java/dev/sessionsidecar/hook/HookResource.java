package dev.sessionsidecar.hook;

import com.fasterxml.jackson.databind.JsonNode;
import dev.sessionsidecar.platform.RacedInserts;
import dev.sessionsidecar.transcript.Transcripts;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * The doors for agents' hooks: Claude Code's and Codex's (the same wire format, told apart by the
 * path, so sessions carry their client); an HTTP hook posts here, the command-hook script too.
 */
@Path("/v1/hooks")
@Tag(name = "hooks")
public class HookResource {

  static final String CLAUDE_CODE = "claude-code";
  static final String CODEX = "codex";

  private final AgentHooks hooks;
  private final BudgetStop budgets;
  private final Transcripts transcripts;

  HookResource(AgentHooks hooks, BudgetStop budgets, Transcripts transcripts) {
    this.hooks = hooks;
    this.budgets = budgets;
    this.transcripts = transcripts;
  }

  @POST
  @Path("/" + CLAUDE_CODE)
  @Consumes(MediaType.APPLICATION_JSON)
  @Produces(MediaType.APPLICATION_JSON)
  @Operation(
      summary = "Take one Claude Code hook event",
      description =
          "The hook input as Claude Code sends it. SessionStart, PreToolUse, PostToolUse,"
              + " PostToolUseFailure, PostToolBatch, TaskCreated, TaskCompleted, StopFailure,"
              + " PostCompact, SessionEnd and the activity events are recorded; other events and"
              + " unknown fields are ignored. Answers {}: no"
              + " decision; while a budget with action block is used up, PreToolUse gets a deny"
              + " decision and UserPromptSubmit a block decision, in the hooks reference's shapes.")
  public Map<String, Object> claudeCode(
      @RequestBody(content = @Content(schema = @Schema(implementation = HookInput.class)))
          JsonNode body) {
    return take(HookEvent.of(body, CLAUDE_CODE));
  }

  @POST
  @Path("/" + CODEX)
  @Consumes(MediaType.APPLICATION_JSON)
  @Produces(MediaType.APPLICATION_JSON)
  @Operation(
      summary = "Take one Codex CLI hook event",
      description =
          "The hook input as Codex sends it (SessionStart, UserPromptSubmit, PreToolUse,"
              + " PostToolUse, Stop; the same fields as Claude Code's), recorded the same way with"
              + " client codex, with the same budget decisions.")
  public Map<String, Object> codex(
      @RequestBody(content = @Content(schema = @Schema(implementation = HookInput.class)))
          JsonNode body) {
    return take(HookEvent.of(body, CODEX));
  }

  /**
   * One event, one unit of work: what it records and the budget decision it gets happen in one
   * transaction, run once more whole if it lost a race to create a row (its first session). The
   * transcript it names is then followed, when the sidecar can read it.
   */
  private Map<String, Object> take(HookEvent event) {
    String transcript = event.text("transcript_path");
    Map<String, Object> decision =
        RacedInserts.inNewTransaction(
            () -> {
              hooks.apply(event);
              return budgets.decide(event.name(), event.sessionId());
            });
    transcripts.named(event.client(), transcript);
    return decision;
  }
}
