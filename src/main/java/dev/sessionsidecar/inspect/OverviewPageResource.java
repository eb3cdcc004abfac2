package dev.sessionsidecar.inspect;

import dev.sessionsidecar.budget.BudgetService;
import dev.sessionsidecar.budget.BudgetView;
import dev.sessionsidecar.fleet.FleetService;
import dev.sessionsidecar.fleet.InstanceView;
import dev.sessionsidecar.platform.PodNarrowing;
import dev.sessionsidecar.platform.QueryParameters;
import dev.sessionsidecar.platform.SidecarConfig;
import dev.sessionsidecar.platform.StoreSelection;
import dev.sessionsidecar.platform.Timestamps;
import dev.sessionsidecar.session.CurrentSession;
import dev.sessionsidecar.session.PodView;
import dev.sessionsidecar.session.ProjectView;
import dev.sessionsidecar.session.SessionFilter;
import dev.sessionsidecar.session.SessionQueries;
import dev.sessionsidecar.session.SessionView;
import dev.sessionsidecar.transcript.Transcripts;
import dev.sessionsidecar.usage.UsageFigures;
import dev.sessionsidecar.usage.UsageQueries;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.smallrye.health.SmallRyeHealth;
import io.smallrye.health.SmallRyeHealthReporter;
import jakarta.json.JsonObject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.UriInfo;
import java.time.Duration;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;

/** The page's first view: current session, pod, totals over a window, and health. */
@Path("/")
@Produces(MediaType.TEXT_HTML)
public class OverviewPageResource {

  @CheckedTemplate
  static class Templates {
    static native TemplateInstance overview(Overview overview, List<Integer> windows);
  }

  /** Everything the overview shows. */
  record Overview(
      SessionView current,
      ProjectView project,
      PodView pod,
      int days,
      SessionQueries.Totals sessions,
      UsageFigures usage,
      Health health,
      List<InstanceView> pods,
      PodNarrowing narrowing,
      List<BudgetView> budgets,
      Transcripts.Status transcripts) {}

  /** The sidecar's health as its probes see it. */
  record Health(String status, List<Check> checks) {

    /** UP or DOWN as a CSS class suffix. */
    public String tone() {
      return "UP".equals(status) ? "up" : "down";
    }
  }

  /** One health check by name. */
  record Check(String name, String status) {}

  private final CurrentSession current;
  private final SessionQueries sessions;
  private final UsageQueries usage;
  private final SmallRyeHealthReporter health;
  private final SidecarConfig config;
  private final Timestamps time;
  private final FleetService fleet;
  private final StoreSelection store;
  private final BudgetService budgets;
  private final Transcripts transcripts;

  OverviewPageResource(
      CurrentSession current,
      SessionQueries sessions,
      UsageQueries usage,
      SmallRyeHealthReporter health,
      SidecarConfig config,
      Timestamps time,
      FleetService fleet,
      StoreSelection store,
      BudgetService budgets,
      Transcripts transcripts) {
    this.budgets = budgets;
    this.transcripts = transcripts;
    this.fleet = fleet;
    this.store = store;
    this.current = current;
    this.sessions = sessions;
    this.usage = usage;
    this.health = health;
    this.config = config;
    this.time = time;
  }

  @GET
  @Operation(hidden = true)
  public TemplateInstance overview(@Context UriInfo uri) {
    QueryParameters query = PageWindow.narrowableQuery(uri);
    int days = PageWindow.days(query);
    PodNarrowing narrowing = PodNarrowing.of(query);
    UsageQueries.Scope scope = usage.scope(days, narrowing);
    ProjectView project = scope.project();
    SessionFilter filter =
        SessionFilter.ALL
            .inProject(project == null ? null : project.path())
            .activeSince(time.now().minus(Duration.ofDays(days)))
            .onPod(narrowing.pod())
            .inNamespace(narrowing.namespace());
    return Templates.overview(
        new Overview(
            current.session().orElse(null),
            project,
            pod(),
            days,
            sessions.totals(filter),
            usage.summary(scope),
            health(),
            store.store().shared() ? fleet.instances(days, narrowing) : List.of(),
            narrowing,
            budgets.list(),
            transcripts.status()),
        PageWindow.CHOICES);
  }

  private PodView pod() {
    if (config.podName().isEmpty() && config.podNamespace().isEmpty()) {
      return null;
    }
    return new PodView(
        config.podName().orElse(null),
        config.podNamespace().orElse(null),
        config.nodeName().orElse(null),
        config.podUid().orElse(null));
  }

  private Health health() {
    SmallRyeHealth reported = health.getHealth();
    JsonObject payload = reported.getPayload();
    List<Check> checks =
        payload.getJsonArray("checks").getValuesAs(JsonObject.class).stream()
            .map(c -> new Check(c.getString("name"), c.getString("status")))
            .toList();
    return new Health(payload.getString("status"), checks);
  }
}
