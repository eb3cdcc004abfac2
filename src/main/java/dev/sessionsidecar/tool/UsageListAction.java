package dev.sessionsidecar.tool;

import dev.sessionsidecar.platform.Page;
import dev.sessionsidecar.usage.UsageQueries;
import dev.sessionsidecar.usage.UsageRecordView;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;

/** {@code usage_list}: the individual usage records, newest first. */
@ApplicationScoped
class UsageListAction implements SessionAction {

  private final UsageQueries queries;

  UsageListAction(UsageQueries queries) {
    this.queries = queries;
  }

  /** The typed result. */
  record Data(UsageQueries.Scope scope, long total, List<UsageRecordView> records) {}

  @Override
  public ActionName name() {
    return ActionName.USAGE_LIST;
  }

  @Override
  public ToolReply run(ToolArguments arguments) {
    UsageQueries.Scope scope = queries.scope(arguments.sinceDays());
    Page<UsageRecordView> page =
        queries.records(
            scope, new UsageQueries.RecordFilter(null, null, null), arguments.limit(), 0);
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
