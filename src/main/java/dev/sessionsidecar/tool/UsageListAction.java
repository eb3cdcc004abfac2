package dev.sessionsidecar.tool;

import dev.sessionsidecar.platform.Page;
import dev.sessionsidecar.usage.UsageRecordView;
import dev.sessionsidecar.usage.UsageReports;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;

/** {@code usage_list}: the individual usage records, newest first. */
@ApplicationScoped
class UsageListAction implements SessionAction {

  private final UsageReports reports;

  UsageListAction(UsageReports reports) {
    this.reports = reports;
  }

  /** The typed result. */
  record Data(UsageReports.Scope scope, long total, List<UsageRecordView> records) {}

  @Override
  public ActionName name() {
    return ActionName.USAGE_LIST;
  }

  @Override
  public ToolReply run(ToolArguments arguments) {
    UsageReports.Scope scope = reports.scope(arguments.sinceDays());
    Page<UsageRecordView> page =
        reports.records(
            scope, new UsageReports.RecordFilter(null, null, null), arguments.limit(), 0);
    StringBuilder text =
        new StringBuilder(UsageLines.scope(scope))
            .append(": ")
            .append(page.total())
            .append(page.total() == 1 ? " record" : " records")
            .append(", showing ")
            .append(page.items().size())
            .append(", newest first");
    page.items().forEach(r -> text.append('\n').append(UsageLines.record(r)));
    return new ToolReply(
        name().wireName(), text.toString(), new Data(scope, page.total(), page.items()));
  }
}
