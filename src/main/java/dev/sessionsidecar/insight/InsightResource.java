package dev.sessionsidecar.insight;

import dev.sessionsidecar.platform.ApiException;
import dev.sessionsidecar.platform.NoBody;
import dev.sessionsidecar.platform.QueryParameters;
import dev.sessionsidecar.session.ProjectView;
import dev.sessionsidecar.session.Projects;
import jakarta.validation.Valid;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import java.util.Set;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * REST door to insights: report, read ranked, dismiss and restore ({@code PonderResource} ponders).
 */
@Path("/v1/insights")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "insights")
public class InsightResource {

  static final int MAX_PAGE = 200;

  private static final String ID_DOC = "The insight's id: a positive integer";

  private final InsightService insights;
  private final InsightQueries queries;
  private final Projects projects;

  InsightResource(InsightService insights, InsightQueries queries, Projects projects) {
    this.insights = insights;
    this.queries = queries;
    this.projects = projects;
  }

  @POST
  @Operation(
      summary = "Report an insight",
      description =
          "201 when the finding is new; 200 when its dedupe_key is known in the project: the"
              + " stored insight counts one more occurrence and takes the new confidence and"
              + " evidence, and stays dismissed if it was.")
  public Response report(@Valid ReportInsightRequest request, @Context UriInfo uri) {
    if (request == null) {
      throw ApiException.invalidArgument(
          "source", "is required: a JSON object describing one insight");
    }
    InsightService.Reported reported = insights.report(request.finding(), request.project());
    if (reported.outcome() == InsightService.Outcome.CREATED) {
      return Response.created(
              uri.getAbsolutePathBuilder().path(Long.toString(reported.insight().id())).build())
          .entity(reported.insight())
          .build();
    }
    return Response.ok(reported.insight()).build();
  }

  @GET
  @Operation(
      summary = "Insights ranked by score",
      description =
          "Of the active project (or of project), else of all projects. Filters: source, kind,"
              + " dismissed (default false), min_confidence (default 0), since_days on last seen"
              + " (default 0: any time), limit (default 20).")
  public List<InsightView> list(@Context UriInfo uri) {
    QueryParameters query =
        QueryParameters.of(
            uri,
            Set.of(
                "project", "source", "kind", "dismissed", "min_confidence", "since_days", "limit"));
    return queries.ranked(
        InsightQueries.Filter.top(query.integer("limit", 20, 1, MAX_PAGE))
            .narrowedBy(query)
            .inProject(projectId(query.string("project")))
            .ofKind(query.string("kind"))
            .seenWithin(query.integer("since_days", 0, 0, QueryParameters.MAX_DAYS)));
  }

  @GET
  @Path("/{id}")
  @Operation(summary = "Read one insight")
  public InsightView get(
      @PathParam("id")
          @Parameter(
              description = ID_DOC,
              schema = @Schema(type = SchemaType.INTEGER, minimum = "1"))
          String id) {
    return insights.get(InsightId.parse("id", id));
  }

  @POST
  @Path("/{id}/dismiss")
  @Consumes(MediaType.WILDCARD)
  @Operation(hidden = true)
  public InsightView dismissWithoutBody(@PathParam("id") String id, @Context HttpHeaders headers) {
    NoBody.require(headers);
    return insights.dismiss(InsightId.parse("id", id), null, null).insight();
  }

  @POST
  @Path("/{id}/dismiss")
  @Operation(
      summary = "Dismiss an insight for good",
      description =
          "Optional body {\"reason\": ...}. It stays dismissed when its finding is reported or"
              + " pondered again, until restored. Dismissing twice keeps the first dismissal.")
  public InsightView dismiss(
      @PathParam("id")
          @Parameter(
              description = ID_DOC,
              schema = @Schema(type = SchemaType.INTEGER, minimum = "1"))
          String id,
      @Valid DismissInsightRequest request) {
    return insights
        .dismiss(InsightId.parse("id", id), request == null ? null : request.reason(), null)
        .insight();
  }

  @POST
  @Path("/{id}/restore")
  @Consumes(MediaType.WILDCARD)
  @Operation(summary = "Bring a dismissed insight back")
  public InsightView restore(
      @PathParam("id")
          @Parameter(
              description = ID_DOC,
              schema = @Schema(type = SchemaType.INTEGER, minimum = "1"))
          String id,
      @Context HttpHeaders headers) {
    NoBody.require(headers);
    return insights.restore(InsightId.parse("id", id)).insight();
  }

  private Long projectId(String path) {
    if (path != null) {
      return projects.idOrNone(path);
    }
    return projects.active().map(ProjectView::idOrNone).orElse(null);
  }
}
