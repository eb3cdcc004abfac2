package dev.sessionsidecar.goal;

import dev.sessionsidecar.platform.QueryParameters;
import dev.sessionsidecar.session.ProjectScope;
import jakarta.validation.Valid;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
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
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** REST door to goals. */
@Path("/v1/goals")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "goals")
public class GoalResource {

  static final int MAX_PAGE = 200;

  private final GoalService goals;
  private final ProjectScope scope;

  GoalResource(GoalService goals, ProjectScope scope) {
    this.goals = goals;
    this.scope = scope;
  }

  @POST
  @Operation(
      summary = "Add a goal",
      description =
          "title is required; status (default planning), priority (default medium),"
              + " progress_percent (0..100, default 0), project (a path or global; default the"
              + " active project).")
  public Response create(@Valid GoalRequest request, @Context UriInfo uri) {
    GoalView goal = goals.create(request);
    return Response.created(uri.getAbsolutePathBuilder().path(goal.id()).build())
        .entity(goal)
        .build();
  }

  @GET
  @Operation(
      summary = "Goals by priority, then most recently changed",
      description =
          "Of project (a path, or global for the global ones only; default the active project,"
              + " else every project), with the global ones; status filters; limit 1..200.")
  public List<GoalView> list(@Context UriInfo uri) {
    QueryParameters query = QueryParameters.of(uri, Set.of("project", "status", "limit"));
    String status = query.oneOf("status", GoalStatus.wireNames());
    List<GoalStatus> statuses = status == null ? List.of() : List.of(GoalStatus.fromWire(status));
    String project = query.string("project");
    GoalService.Filter filter =
        project == null && scope.active().isEmpty()
            ? GoalService.Filter.everywhere(statuses)
            : GoalService.Filter.of(scope.forReading(project).orElse(null), statuses);
    return goals.list(filter, query.integer("limit", 50, 1, MAX_PAGE));
  }

  @GET
  @Path("/{id}")
  @Operation(summary = "Read one goal")
  public GoalView get(@PathParam("id") String id) {
    return goals.get(id);
  }

  @PATCH
  @Path("/{id}")
  @Operation(summary = "Change a goal's title, detail, status, priority or progress")
  public GoalView update(@PathParam("id") String id, @Valid GoalRequest request) {
    return goals.update(id, request);
  }

  @DELETE
  @Path("/{id}")
  @Consumes(MediaType.WILDCARD)
  @Operation(summary = "Delete a goal")
  public Response delete(@PathParam("id") String id) {
    goals.delete(id);
    return Response.noContent().build();
  }
}
