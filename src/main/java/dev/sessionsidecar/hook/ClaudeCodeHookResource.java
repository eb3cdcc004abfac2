package dev.sessionsidecar.hook;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The door for Claude Code hooks: an HTTP hook posts here, the command-hook script too. */
@Path("/v1/hooks/claude-code")
@Tag(name = "hooks")
public class ClaudeCodeHookResource {

  private final ClaudeCodeHooks hooks;
  private final BudgetStop budgets;

  ClaudeCodeHookResource(ClaudeCodeHooks hooks, BudgetStop budgets) {
    this.hooks = hooks;
    this.budgets = budgets;
  }

  @POST
  @Consumes(MediaType.APPLICATION_JSON)
  @Produces(MediaType.APPLICATION_JSON)
  @Operation(
      summary = "Take one Claude Code hook event",
      description =
          "The hook input as Claude Code sends it. SessionStart, PreToolUse, PostToolUse,"
              + " PostToolUseFailure, SessionEnd, UserPromptSubmit, Stop and SubagentStop are"
              + " recorded; other events and unknown fields are ignored. Answers {}: no decision;"
              + " while a budget with action block is used up, PreToolUse gets a deny decision and"
              + " UserPromptSubmit a block decision, in the hooks reference's shapes.")
  public Map<String, Object> take(JsonNode body) {
    HookEvent event = HookEvent.of(body);
    hooks.apply(event);
    return budgets.decide(event.name(), event.sessionId());
  }
}
