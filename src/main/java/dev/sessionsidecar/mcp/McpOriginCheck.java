package dev.sessionsidecar.mcp;

import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.net.URI;
import java.util.List;
import java.util.Locale;

/**
 * Refuses MCP requests whose {@code Origin} is not this machine or a configured origin, as the
 * Streamable HTTP transport asks: a web page must not drive the agent's sidecar (DNS rebinding).
 * Requests without an Origin (agents, CLIs) pass.
 */
@ApplicationScoped
class McpOriginCheck {

  private static final List<String> LOCAL_HOSTS = List.of("localhost", "127.0.0.1", "[::1]", "::1");

  private final List<String> allowed;

  McpOriginCheck(McpSettings settings) {
    this.allowed =
        settings.allowedOrigins().orElse(List.of()).stream()
            .map(o -> o.toLowerCase(Locale.ROOT))
            .toList();
  }

  void install(@Observes Router router) {
    router.route("/mcp*").order(Integer.MIN_VALUE + 1).handler(this::check);
  }

  private void check(RoutingContext ctx) {
    String origin = ctx.request().getHeader(HttpHeaders.ORIGIN);
    if (origin == null || isAllowed(origin)) {
      ctx.next();
      return;
    }
    ctx.response()
        .setStatusCode(403)
        .putHeader(HttpHeaders.CONTENT_TYPE, "application/json")
        .end(
            "{\"jsonrpc\":\"2.0\",\"id\":null,\"error\":{\"code\":-32600,\"message\":\"Origin not"
                + " allowed: add it to sidecar.mcp.allowed-origins\"}}");
  }

  private boolean isAllowed(String origin) {
    String normalized = origin.toLowerCase(Locale.ROOT);
    if (allowed.contains(normalized)) {
      return true;
    }
    try {
      String host = URI.create(normalized).getHost();
      return host != null && LOCAL_HOSTS.contains(host);
    } catch (IllegalArgumentException e) {
      return false;
    }
  }
}
