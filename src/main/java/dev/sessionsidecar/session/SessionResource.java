package dev.sessionsidecar.session;

import dev.sessionsidecar.platform.NoBody;
import dev.sessionsidecar.platform.Page;
import dev.sessionsidecar.platform.QueryParameters;
import dev.sessionsidecar.platform.WireName;
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
import java.util.Locale;
import java.util.Set;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** REST door for starting, ending and reading sessions. */
@Path("/v1/sessions")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "sessions")
public class SessionResource {

  static final int MAX_PAGE = 500;
  private static final List<String> STATUSES = WireName.wireNames(SessionStatus.class);

  private final SessionService sessions;
  private final SessionQueries listings;

  SessionResource(SessionService sessions, SessionQueries listings) {
    this.sessions = sessions;
    this.listings = listings;
  }

  @POST
  @Operation(
      summary = "Start or resume a session",
      description = "A new id answers 201, an existing id 200; the session becomes current.")
  public Response start(@Valid StartSessionRequest request, @Context UriInfo uri) {
    SessionService.Started started = sessions.start(request);
    if (!started.created()) {
      return Response.ok(started.session()).build();
    }
    return Response.created(
            uri.getAbsolutePathBuilder().path(started.session().sessionId()).build())
        .entity(started.session())
        .build();
  }

  @GET
  @Operation(summary = "List sessions, newest activity first")
  public Page<SessionView> list(@Context UriInfo uri) {
    QueryParameters query =
        QueryParameters.of(uri, Set.of("project", "status", "pod", "namespace", "limit", "offset"));
    String status = query.oneOf("status", STATUSES);
    SessionFilter filter =
        SessionFilter.ALL
            .inProject(query.string("project"))
            .withStatus(
                status == null ? null : SessionStatus.valueOf(status.toUpperCase(Locale.ROOT)))
            .onPod(query.string("pod"))
            .inNamespace(query.string("namespace"));
    return listings.list(
        filter,
        query.integer("limit", 50, 1, MAX_PAGE),
        query.integer("offset", 0, 0, Integer.MAX_VALUE - MAX_PAGE));
  }

  @GET
  @Path("/{id}")
  @Operation(summary = "Read one session")
  public SessionView get(@PathParam("id") String id) {
    return sessions.get(id);
  }

  @POST
  @Path("/{id}/end")
  @Consumes(MediaType.WILDCARD)
  @Operation(hidden = true)
  public SessionView endWithoutBody(@PathParam("id") String id, @Context HttpHeaders headers) {
    NoBody.require(headers);
    return sessions.end(id, null);
  }

  @POST
  @Path("/{id}/end")
  @Operation(
      summary = "End a session",
      description = "Without a summary the sidecar writes one: duration, calls, errors, top tools.")
  public SessionView end(@PathParam("id") String id, @Valid EndSessionRequest request) {
    return sessions.end(id, request);
  }
}
