package dev.sessionsidecar.budget;

import dev.sessionsidecar.platform.IntegerId;
import dev.sessionsidecar.platform.NoBody;
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
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** REST door to budgets: caps on what sessions, projects, this sidecar or the fleet may spend. */
@Path("/v1/budgets")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "budgets")
public class BudgetResource {

  private final BudgetService budgets;

  BudgetResource(BudgetService budgets) {
    this.budgets = budgets;
  }

  @POST
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(
      summary = "Create a budget",
      description =
          "scope (session, project, instance, fleet), period (session, day, week, month; UTC),"
              + " limit_usd and/or limit_tokens, thresholds (fractions in (0, 1], ascending;"
              + " default 0.5, 0.8, 1), action at 100% (warn, block), project (a path, * for each"
              + " project; default the active one). Answers 201 with the budget and its id.")
  public Response create(@Valid BudgetRequest request, @Context UriInfo uri) {
    BudgetView budget = budgets.create(request);
    return Response.created(uri.getAbsolutePathBuilder().path(String.valueOf(budget.id())).build())
        .entity(budget)
        .build();
  }

  @GET
  @Operation(summary = "Every budget, with what is used of it now")
  public List<BudgetView> list() {
    return budgets.list();
  }

  @GET
  @Path("/{id}")
  @Operation(summary = "One budget, with what is used of it now")
  public BudgetView get(@PathParam("id") String id) {
    return budgets.get(IntegerId.parse("id", id, "GET /v1/budgets"));
  }

  @PATCH
  @Path("/{id}")
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(summary = "Change a budget's limits, thresholds or action")
  public BudgetView patch(@PathParam("id") String id, @Valid BudgetPatch patch) {
    return budgets.patch(
        IntegerId.parse("id", id, "GET /v1/budgets"),
        patch == null ? new BudgetPatch(null, null, null, null) : patch);
  }

  @DELETE
  @Path("/{id}")
  @Operation(summary = "Delete a budget and its fired alerts")
  @Consumes(MediaType.WILDCARD)
  public Response delete(@PathParam("id") String id, @Context HttpHeaders headers) {
    NoBody.require(headers);
    budgets.delete(IntegerId.parse("id", id, "GET /v1/budgets"));
    return Response.noContent().build();
  }
}
