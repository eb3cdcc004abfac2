package dev.sessionsidecar.tool;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import dev.sessionsidecar.budget.BudgetService;
import dev.sessionsidecar.budget.BudgetView;
import dev.sessionsidecar.platform.ApiException;
import dev.sessionsidecar.platform.ProblemCode;
import dev.sessionsidecar.session.CurrentSession;
import dev.sessionsidecar.session.SessionView;
import dev.sessionsidecar.usage.SessionUsage;
import dev.sessionsidecar.usage.UsageQueries;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Optional;

/** {@code current_session}: the session the agent is in now. */
@ApplicationScoped
class CurrentSessionAction implements SessionAction {

  private final CurrentSession current;
  private final UsageQueries usage;
  private final BudgetService budgets;

  CurrentSessionAction(CurrentSession current, UsageQueries usage, BudgetService budgets) {
    this.current = current;
    this.usage = usage;
    this.budgets = budgets;
  }

  /** The typed result: the session's fields, its usage so far, and the budgets in force. */
  record Data(@JsonUnwrapped SessionView session, SessionUsage usage, List<BudgetView> budgets) {}

  @Override
  public ActionName name() {
    return ActionName.CURRENT_SESSION;
  }

  @Override
  public ToolReply run(ToolArguments arguments) {
    SessionView s = current.session().orElseThrow(() -> noActiveSession(current.latest()));
    SessionUsage used = usage.forSession(s.sessionId());
    String text =
        String.join(
            "\n",
            "session " + s.sessionId() + " " + s.status(),
            "project " + s.project().path() + " (" + s.project().name() + ")",
            "pod " + (s.pod() == null ? "none (not in Kubernetes)" : s.pod().describe()),
            "started " + s.startedAt() + ", last activity " + s.lastActivityAt(),
            "prompts " + s.prompts() + ", tool calls " + s.toolCalls() + ", errors " + s.errors(),
            "llm requests "
                + used.requests()
                + ", tokens in "
                + used.inputTokens()
                + " out "
                + used.outputTokens()
                + ", cost_usd "
                + used.costUsd().toPlainString()
                + (used.unknownCostRequests() == 0
                    ? ""
                    : " ("
                        + used.unknownCostRequests()
                        + " requests of unknown cost not included)"));
    List<BudgetView> inForce = budgets.inForce();
    return new ToolReply(
        name().wireName(),
        text + SessionLines.state(s) + BudgetLines.all(inForce),
        new Data(s, used, inForce));
  }

  static ApiException noActiveSession(Optional<SessionView> latest) {
    String hint =
        latest
            .map(
                s ->
                    " The last session, "
                        + s.sessionId()
                        + ", is "
                        + s.status()
                        + (s.endReason() != null ? " (" + s.endReason() + ")" : "")
                        + "; resume it with POST /v1/sessions {\"session_id\": \""
                        + s.sessionId()
                        + "\"}.")
            .orElse("");
    return new ApiException(
        ProblemCode.NO_ACTIVE_SESSION,
        "No active session: start one with POST /v1/sessions, or pass session_id." + hint);
  }
}
