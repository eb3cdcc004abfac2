package dev.sessionsidecar.mcp;

import dev.sessionsidecar.platform.BrowserOrigins;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/**
 * Refuses MCP requests from web pages {@link BrowserOrigins} rejects, as the Streamable HTTP
 * transport asks: a web page must not drive the agent's sidecar (DNS rebinding). Answers in
 * JSON-RPC, since MCP clients read that.
 */
@ApplicationScoped
class McpOriginCheck {

  private final BrowserOrigins origins;

  McpOriginCheck(BrowserOrigins origins) {
    this.origins = origins;
  }

  void install(@Observes Router router) {
    router.route("/mcp*").order(Integer.MIN_VALUE + 1).handler(this::check);
  }

  private void check(RoutingContext ctx) {
    if (origins.allows(ctx.request().getHeader(HttpHeaders.ORIGIN))) {
      ctx.next();
      return;
    }
    ctx.response()
        .setStatusCode(403)
        .putHeader(HttpHeaders.CONTENT_TYPE, "application/json")
        .end(
            "{\"jsonrpc\":\"2.0\",\"id\":null,\"error\":{\"code\":-32600,\"message\":\"Origin not"
                + " allowed: add it to sidecar.allowed-origins\"}}");
  }
}
