package dev.sessionsidecar.inspect;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.sessionsidecar.fleet.FleetService;
import dev.sessionsidecar.fleet.InstanceView;
import dev.sessionsidecar.platform.PodNarrowing;
import dev.sessionsidecar.platform.QueryParameters;
import dev.sessionsidecar.platform.StoreSelection;
import dev.sessionsidecar.usage.UsageConfig;
import dev.sessionsidecar.usage.UsageFigures;
import dev.sessionsidecar.usage.UsageGrouping;
import dev.sessionsidecar.usage.UsageQueries;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.UriInfo;
import java.time.ZoneId;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;

/**
 * Cost and tokens per day by model as charts, and a table grouped as {@code usage_stats} groups.
 */
@Path(PagePaths.ROOT + "/usage")
@Produces(MediaType.TEXT_HTML)
public class UsagePageResource {

  static final int MAX_GROUPS = 200;

  @CheckedTemplate
  static class Templates {
    static native TemplateInstance usage(
        Usage usage, List<Integer> windows, List<String> groupings);
  }

  /** What the usage view shows. */
  record Usage(
      int days,
      String project,
      UsageFigures total,
      String groupBy,
      List<UsageQueries.Group> groups,
      List<UsageQueries.Daily> daily,
      String chartJson,
      List<InstanceView> pods,
      PodNarrowing narrowing) {}

  private final UsageQueries usage;
  private final ObjectMapper json;

  private final FleetService fleet;
  private final StoreSelection store;

  private final ZoneId zone;

  UsagePageResource(
      UsageQueries usage,
      ObjectMapper json,
      FleetService fleet,
      StoreSelection store,
      UsageConfig config) {
    this.zone = config.timeZone();
    this.fleet = fleet;
    this.store = store;
    this.usage = usage;
    this.json = json;
  }

  @GET
  @Operation(hidden = true)
  public TemplateInstance usage(@Context UriInfo uri) {
    QueryParameters query = PageWindow.narrowableQuery(uri, "group_by");
    int days = PageWindow.days(query);
    PodNarrowing narrowing = PodNarrowing.of(query);
    UsageGrouping grouping =
        UsageGrouping.fromWire(query.oneOf("group_by", UsageGrouping.wireNames()))
            .orElse(UsageGrouping.MODEL);
    UsageQueries.Scope scope = usage.scope(days, narrowing);
    List<UsageQueries.Daily> daily = usage.daily(scope);
    return Templates.usage(
        new Usage(
            days,
            scope.project() == null ? null : scope.project().name(),
            usage.summary(scope),
            grouping.wireName(),
            usage.stats(scope, grouping, MAX_GROUPS),
            daily,
            UsageChart.of(daily, zone).toScriptJson(json),
            store.store().shared() ? fleet.instances(days, narrowing) : List.of(),
            narrowing),
        PageWindow.CHOICES,
        UsageGrouping.wireNames());
  }
}
