package dev.sessionsidecar.session;

import dev.sessionsidecar.platform.Page;
import dev.sessionsidecar.platform.QueryParameters;
import jakarta.validation.Valid;
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
import java.util.Set;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** REST door for recording and reading a session's tool calls. */
@Path("/v1/sessions/{id}/tool-calls")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "sessions")
public class ToolCallResource {

  private final ToolCallService toolCalls;

  ToolCallResource(ToolCallService toolCalls) {
    this.toolCalls = toolCalls;
  }

  @POST
  @Operation(
      summary = "Record a tool call",
      description =
          "With call_id the write is idempotent: a repeat answers 200 with the stored call.")
  public Response record(
      @PathParam("id") String sessionId,
      @Valid RecordToolCallRequest request,
      @Context UriInfo uri) {
    ToolCallService.Recorded recorded = toolCalls.record(sessionId, request);
    return Response.status(recorded.created() ? 201 : 200).entity(recorded.call()).build();
  }

  @GET
  @Operation(summary = "A session's tool calls, newest first")
  public Page<ToolCallView> list(@PathParam("id") String sessionId, @Context UriInfo uri) {
    QueryParameters query = QueryParameters.of(uri, Set.of("limit", "offset"));
    return toolCalls.history(
        sessionId,
        query.integer("limit", 50, 1, SessionResource.MAX_PAGE),
        query.integer("offset", 0, 0, Integer.MAX_VALUE - SessionResource.MAX_PAGE));
  }
}
