package dev.sessionsidecar.insight.ponder;

import dev.sessionsidecar.platform.NoBody;
import dev.sessionsidecar.session.ProjectView;
import dev.sessionsidecar.session.Projects;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** REST door to pondering on demand, beside the insights it finds. */
@Path("/v1/insights/ponder")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "insights")
public class PonderResource {

  private final PonderQueue ponder;
  private final Projects projects;

  PonderResource(PonderQueue ponder, Projects projects) {
    this.ponder = ponder;
    this.projects = projects;
  }

  @POST
  @Consumes(MediaType.WILDCARD)
  @Operation(
      summary = "Ponder now",
      description =
          "Queues a ponder task over the active project (or every project active within"
              + " sidecar.insights.ponder-window when there is none); follow it under /v1/tasks.")
  public Response ponderNow(@Context HttpHeaders headers, @Context UriInfo uri) {
    NoBody.require(headers);
    var task = ponder.queue(projects.active().map(ProjectView::path).orElse(null));
    return Response.accepted(task)
        .location(uri.getBaseUriBuilder().path("v1/tasks").path(task.taskId()).build())
        .build();
  }
}
