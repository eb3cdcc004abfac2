package dev.sessionsidecar.tool;

import dev.sessionsidecar.budget.BudgetView;
import java.util.List;

/** Budgets as the tool's text shows them: all in force, or a warning for those past a threshold. */
final class BudgetLines {

  private BudgetLines() {}

  /** A {@code budgets} block listing each budget in force, or nothing when there is none. */
  static String all(List<BudgetView> budgets) {
    if (budgets.isEmpty()) {
      return "";
    }
    StringBuilder text = new StringBuilder("\nbudgets");
    budgets.forEach(b -> text.append("\n- ").append(b.line()));
    return text.toString();
  }

  /**
   * A warning line for each budget that reached a threshold, so the model learns it nears the end;
   * nothing while every budget is below its first threshold.
   */
  static String warnings(List<BudgetView> budgets) {
    StringBuilder text = new StringBuilder();
    for (BudgetView b : budgets) {
      b.reached()
          .ifPresent(
              t ->
                  text.append("\n⚠ ")
                      .append(b.line())
                      .append(" — past its ")
                      .append(Math.round(t * 100))
                      .append("% threshold"));
    }
    return text.toString();
  }
}
