package dev.sessionsidecar.tool;

import dev.sessionsidecar.usage.UsageFigures;
import dev.sessionsidecar.usage.UsageQueries;
import jakarta.enterprise.context.ApplicationScoped;

/** {@code usage_summary}: usage totals of the active project (or all) over a window. */
@ApplicationScoped
class UsageSummaryAction implements SessionAction {

  private final UsageQueries reports;

  UsageSummaryAction(UsageQueries reports) {
    this.reports = reports;
  }

  /** The typed result. */
  record Data(UsageQueries.Scope scope, UsageFigures usage) {}

  @Override
  public ActionName name() {
    return ActionName.USAGE_SUMMARY;
  }

  @Override
  public ToolReply run(ToolArguments arguments) {
    UsageQueries.Scope scope = reports.scope(arguments.sinceDays());
    UsageFigures figures = reports.summary(scope);
    String text = UsageLines.scope(scope) + "\n" + UsageLines.figures(figures);
    return new ToolReply(name().wireName(), text, new Data(scope, figures));
  }
}
