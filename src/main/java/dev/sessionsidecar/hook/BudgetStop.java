package dev.sessionsidecar.hook;

import dev.sessionsidecar.budget.BudgetService;
import dev.sessionsidecar.budget.BudgetView;
import dev.sessionsidecar.session.SessionService;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The answer to a hook while a blocking budget is used up, in the shapes of Claude Code's hooks
 * reference: {@code PreToolUse} gets a {@code deny} permission decision, {@code UserPromptSubmit} a
 * {@code block} decision, each with a reason the model and the person read. Other events, and every
 * event while no such budget is used up, get no decision.
 */
@ApplicationScoped
class BudgetStop {

  private final BudgetService budgets;
  private final SessionService sessions;

  BudgetStop(BudgetService budgets, SessionService sessions) {
    this.budgets = budgets;
    this.sessions = sessions;
  }

  /** The decision for this event, or an empty map for none. */
  Map<String, Object> decide(String event, String sessionId) {
    if (!event.equals("PreToolUse") && !event.equals("UserPromptSubmit")) {
      return Map.of();
    }
    Optional<BudgetView> used = budgets.blocking(sessions.get(sessionId));
    if (used.isEmpty()) {
      return Map.of();
    }
    String reason = reason(used.get());
    Map<String, Object> answer = new LinkedHashMap<>();
    if (event.equals("PreToolUse")) {
      Map<String, Object> output = new LinkedHashMap<>();
      output.put("hookEventName", "PreToolUse");
      output.put("permissionDecision", "deny");
      output.put("permissionDecisionReason", reason);
      answer.put("hookSpecificOutput", output);
    } else {
      answer.put("decision", "block");
      answer.put("reason", reason);
    }
    return answer;
  }

  static String reason(BudgetView budget) {
    return "Spend limit reached: budget "
        + budget.id()
        + " ("
        + budget.scope()
        + ", per "
        + budget.period()
        + ") is used up at "
        + budget.use().text()
        + ". Stop and tell the user; to go on, raise it (PATCH /v1/budgets/"
        + budget.id()
        + " with a higher limit_usd or limit_tokens) or remove it (DELETE /v1/budgets/"
        + budget.id()
        + ") on the session sidecar.";
  }
}
