package dev.sessionsidecar.tool;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import dev.sessionsidecar.budget.BudgetService;
import dev.sessionsidecar.budget.BudgetView;
import dev.sessionsidecar.usage.UsageFigures;
import dev.sessionsidecar.usage.UsageQueries;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;

/** {@code usage_summary}: usage totals of the active project (or all) over a window. */
@ApplicationScoped
class UsageSummaryAction implements SessionAction {

  private final UsageQueries queries;
  private final BudgetService budgets;

  UsageSummaryAction(UsageQueries queries, BudgetService budgets) {
    this.queries = queries;
    this.budgets = budgets;
  }

  /** The typed result. */
  @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
  record Data(
      UsageQueries.Scope scope,
      UsageFigures usage,
      List<BudgetView> budgets,
      @JsonInclude(JsonInclude.Include.NON_NULL) UsageQueries.Group activeBlock) {}

  @Override
  public ActionName name() {
    return ActionName.USAGE_SUMMARY;
  }

  @Override
  public ToolReply run(ToolArguments arguments) {
    UsageQueries.Scope scope = queries.scope(arguments.sinceDays());
    UsageFigures figures = queries.summary(scope);
    List<BudgetView> inForce = budgets.inForce();
    UsageQueries.Group block = queries.activeBlock(scope).orElse(null);
    String text =
        UsageLines.scope(scope)
            + "\n"
            + UsageLines.figures(figures)
            + (block == null ? "" : "\n" + UsageLines.activeBlock(block))
            + BudgetLines.all(inForce);
    return new ToolReply(name().wireName(), text, new Data(scope, figures, inForce, block));
  }
}
