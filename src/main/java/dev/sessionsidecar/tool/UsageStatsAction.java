package dev.sessionsidecar.tool;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import dev.sessionsidecar.usage.UsageGrouping;
import dev.sessionsidecar.usage.UsageQueries;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;

/** {@code usage_stats}: usage per role, provider, model or provider/model, costliest first. */
@ApplicationScoped
class UsageStatsAction implements SessionAction {

  private final UsageQueries queries;

  UsageStatsAction(UsageQueries queries) {
    this.queries = queries;
  }

  /** The typed result. */
  @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
  record Data(UsageQueries.Scope scope, String groupBy, List<UsageQueries.Group> groups) {}

  @Override
  public ActionName name() {
    return ActionName.USAGE_STATS;
  }

  @Override
  public ToolReply run(ToolArguments arguments) {
    UsageGrouping grouping =
        arguments
            .choice(ToolParameter.GROUP_BY)
            .flatMap(UsageGrouping::fromWire)
            .orElse(UsageGrouping.MODEL);
    UsageQueries.Scope scope = queries.scope(arguments.sinceDays());
    List<UsageQueries.Group> groups = queries.stats(scope, grouping, arguments.limit());
    StringBuilder text =
        new StringBuilder(UsageLines.scope(scope))
            .append(", by ")
            .append(grouping.wireName())
            .append(": ")
            .append(groups.size())
            .append(groups.size() == 1 ? " group" : " groups")
            .append(grouping.inTime() ? ", newest first" : ", costliest first");
    if (!groups.isEmpty()) {
      text.append('\n').append(UsageLines.TABLE_HEADER);
      groups.forEach(g -> text.append('\n').append(UsageLines.row(g.group(), g.figures())));
    }
    // The table has no room for a block's burn rate; a model reading only the text still sees it.
    groups.stream()
        .filter(g -> g.block() != null && g.block().active())
        .forEach(g -> text.append('\n').append(UsageLines.activeBlock(g)));
    return new ToolReply(
        name().wireName(), text.toString(), new Data(scope, grouping.wireName(), groups));
  }
}
