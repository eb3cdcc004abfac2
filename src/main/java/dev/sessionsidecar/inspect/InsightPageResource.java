package dev.sessionsidecar.inspect;

import dev.sessionsidecar.insight.InsightId;
import dev.sessionsidecar.insight.InsightQueries;
import dev.sessionsidecar.insight.InsightScore;
import dev.sessionsidecar.insight.InsightService;
import dev.sessionsidecar.insight.InsightSource;
import dev.sessionsidecar.insight.InsightView;
import dev.sessionsidecar.platform.PodNarrowing;
import dev.sessionsidecar.platform.QueryParameters;
import dev.sessionsidecar.session.ProjectView;
import dev.sessionsidecar.session.Projects;
import dev.sessionsidecar.session.SessionFilter;
import dev.sessionsidecar.session.SessionQueries;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import java.util.Set;
import org.eclipse.microprofile.openapi.annotations.Operation;

/** Insights ranked by score, filtered by source and confidence, with dismiss and restore. */
@Path(PagePaths.ROOT + "/insights")
@Produces(MediaType.TEXT_HTML)
public class InsightPageResource {

  static final int LIMIT = 100;
  static final List<Double> CONFIDENCE_CHOICES = List.of(0.0, 0.5, 0.7, 0.9);
  static final String DISMISS_REASON = "dismissed on the inspection page";

  @CheckedTemplate
  static class Templates {
    static native TemplateInstance insights(
        List<InsightView> insights,
        Filters filters,
        List<String> sources,
        List<Double> confidences,
        String scoreFormula,
        String project,
        PodNarrowing narrowing);
  }

  /** The filters as the form shows them. */
  record Filters(String source, double minConfidence, boolean dismissed) {}

  private final InsightQueries queries;
  private final InsightService insights;
  private final Projects projects;
  private final SessionQueries sessions;

  InsightPageResource(
      InsightQueries queries, InsightService insights, Projects projects, SessionQueries sessions) {
    this.sessions = sessions;
    this.queries = queries;
    this.insights = insights;
    this.projects = projects;
  }

  @GET
  @Operation(hidden = true)
  public TemplateInstance list(@Context UriInfo uri) {
    QueryParameters query =
        QueryParameters.of(
            uri,
            Set.of(
                "source", "min_confidence", "dismissed", PodNarrowing.POD, PodNarrowing.NAMESPACE));
    PodNarrowing narrowing = PodNarrowing.of(query);
    // Narrowed to pods, the insights of every project their sessions worked in.
    ProjectView project = narrowing.any() ? null : projects.active().orElse(null);
    InsightQueries.Filter filter = InsightQueries.Filter.top(LIMIT).narrowedBy(query);
    if (narrowing.any()) {
      filter =
          filter.inProjects(
              sessions.projectIds(
                  SessionFilter.ALL.onPod(narrowing.pod()).inNamespace(narrowing.namespace())));
    } else if (project != null) {
      filter = filter.inProject(project.idOrNone());
    }
    return Templates.insights(
        queries.ranked(filter),
        new Filters(
            filter.source() == null ? null : filter.source().wireName(),
            filter.minConfidence(),
            filter.dismissed()),
        InsightSource.wireNames(),
        CONFIDENCE_CHOICES,
        InsightScore.FORMULA,
        project == null ? null : project.name(),
        narrowing);
  }

  @POST
  @Path("/{id}/dismiss")
  @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
  @Operation(hidden = true)
  public Response dismiss(@PathParam("id") String id) {
    insights.dismiss(InsightId.parse("id", id), DISMISS_REASON, null);
    return PagePaths.seeOther("insights");
  }

  @POST
  @Path("/{id}/restore")
  @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
  @Operation(hidden = true)
  public Response restore(@PathParam("id") String id) {
    insights.restore(InsightId.parse("id", id));
    return PagePaths.seeOther("insights");
  }
}
