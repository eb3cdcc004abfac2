package dev.sessionsidecar.mcp;

import dev.sessionsidecar.platform.ApiException;
import dev.sessionsidecar.platform.ProblemCode;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * The MCP endpoint (Streamable HTTP): one JSON-RPC message per POST, answered with one JSON object.
 * There is no server-to-client stream and no session to end, so GET and DELETE are 405, as both
 * revisions allow.
 */
@Path("/mcp")
@Tag(name = "mcp")
public class McpResource {

  private final McpExchange exchange;

  McpResource(McpExchange exchange) {
    this.exchange = exchange;
  }

  @POST
  @Operation(
      summary = "MCP Streamable HTTP",
      description =
          "One JSON-RPC 2.0 request per POST: server/discover, tools/list and tools/call on"
              + " revision 2026-07-28; initialize, ping, tools/list and tools/call on 2024-11-05"
              + " to 2025-11-25.")
  public Response post(
      @HeaderParam(HttpHeaders.CONTENT_TYPE) String contentType,
      @HeaderParam(HttpHeaders.ACCEPT) String accept,
      @HeaderParam("MCP-Protocol-Version") String protocolVersion,
      @HeaderParam("Mcp-Method") String method,
      @HeaderParam("Mcp-Name") String name,
      byte[] body) {
    McpExchange.Answer answer =
        exchange.handle(
            new McpHttpRequest(contentType, accept, protocolVersion, method, name, body));
    Response.ResponseBuilder response = Response.status(answer.status());
    return answer.json() == null
        ? response.build()
        : response.type(MediaType.APPLICATION_JSON_TYPE).entity(answer.json()).build();
  }

  @GET
  @Operation(hidden = true)
  public Response stream() {
    return notAllowed();
  }

  @DELETE
  @Operation(hidden = true)
  public Response end() {
    return notAllowed();
  }

  /** No stream to open and no session to end: POST is the one method. */
  private static Response notAllowed() {
    throw new ApiException(
        ProblemCode.METHOD_NOT_ALLOWED,
        "/mcp takes POST only: one JSON-RPC message per request, answered in its response. It"
            + " opens no event stream (GET) and keeps no session to end (DELETE).");
  }
}
