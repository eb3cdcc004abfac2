package dev.sessionsidecar.preference;

import dev.sessionsidecar.platform.QueryParameters;
import dev.sessionsidecar.session.ProjectScope;
import jakarta.validation.Valid;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** REST door to preferences. */
@Path("/v1/preferences")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "preferences")
public class PreferenceResource {

  static final int MAX_PAGE = 500;

  private final PreferenceService preferences;
  private final ProjectScope scope;

  PreferenceResource(PreferenceService preferences, ProjectScope scope) {
    this.preferences = preferences;
    this.scope = scope;
  }

  @PUT
  @Path("/{key}")
  @Operation(
      summary = "Set a preference",
      description =
          "Body {\"value\": ..., \"project\": a path or global (default the active project)}."
              + " 201 when new, 200 when replaced.")
  public Response put(@PathParam("key") String key, @Valid PreferenceRequest request) {
    PreferenceService.Stored stored = preferences.put(key, request);
    return Response.status(stored.created() ? 201 : 200).entity(stored.preference()).build();
  }

  @GET
  @Operation(
      summary = "Preferences in effect",
      description =
          "For project (a path; default the active project) its own and the global ones it does"
              + " not override; project=global or no active project: the global ones.")
  public List<PreferenceView> list(@Context UriInfo uri) {
    QueryParameters query = QueryParameters.of(uri, Set.of("project", "limit"));
    String project = query.string("project");
    int limit = query.integer("limit", 100, 1, MAX_PAGE);
    if (project == null && scope.active().isEmpty()) {
      return preferences.effective(Optional.empty(), limit);
    }
    return preferences.effective(scope.forReading(project), limit);
  }

  @DELETE
  @Path("/{key}")
  @Consumes(MediaType.WILDCARD)
  @Operation(summary = "Delete a preference of project (a path or global; default the active one)")
  public Response delete(@PathParam("key") String key, @Context UriInfo uri) {
    QueryParameters query = QueryParameters.of(uri, Set.of("project"));
    preferences.delete(key, query.string("project"));
    return Response.noContent().build();
  }
}
