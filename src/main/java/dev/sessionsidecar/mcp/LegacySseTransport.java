package dev.sessionsidecar.mcp;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.sessionsidecar.platform.ProblemCode;
import dev.sessionsidecar.platform.RouteProblems;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/**
 * Keeps the MCP library's legacy HTTP+SSE transport ({@code /mcp/sse} and its {@code
 * /mcp/messages/} endpoint) closed unless {@code sidecar.mcp.legacy-sse} opens it: agents speak
 * Streamable HTTP at {@code /mcp}, the library has no switch of its own, and an endpoint nobody
 * needs is one more to keep safe.
 */
@ApplicationScoped
class LegacySseTransport {

  static final String DETAIL =
      "The legacy HTTP+SSE transport of MCP is off: use Streamable HTTP at /mcp, or start the"
          + " sidecar with sidecar.mcp.legacy-sse=true for a client that only speaks the old one.";

  private final boolean open;
  private final ObjectMapper mapper;

  LegacySseTransport(McpConfig config, ObjectMapper mapper) {
    this.open = config.legacySse();
    this.mapper = mapper;
  }

  void install(@Observes Router router) {
    if (!open) {
      router.route("/mcp/sse*").order(Integer.MIN_VALUE + 2).handler(this::refuse);
      router.route("/mcp/messages/*").order(Integer.MIN_VALUE + 2).handler(this::refuse);
    }
  }

  private void refuse(RoutingContext ctx) {
    RouteProblems.send(ctx, mapper, ProblemCode.NOT_FOUND, DETAIL);
  }
}
