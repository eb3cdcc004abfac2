package dev.sessionsidecar.platform;

import jakarta.ws.rs.container.ContainerRequestContext;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * Refuses {@code /v1} and {@code /otlp} requests sent by web pages from origins {@link
 * BrowserOrigins} rejects (an exporter or a hook sends no Origin): a foreign page must not write a
 * usage record that trips a blocking budget.
 */
class ApiOriginCheck {

  private final BrowserOrigins origins;

  ApiOriginCheck(BrowserOrigins origins) {
    this.origins = origins;
  }

  @ServerRequestFilter
  void check(ContainerRequestContext request) {
    String path = request.getUriInfo().getPath();
    String bare = path.startsWith("/") ? path.substring(1) : path;
    boolean api = bare.startsWith("v1/") || bare.startsWith("otlp/");
    String origin = request.getHeaderString("Origin");
    if (api && !origins.allows(origin)) {
      throw new ApiException(
          ProblemCode.FORBIDDEN,
          "Requests sent by a web page are accepted only from this machine (localhost,"
              + " 127.0.0.1, [::1]) or the origins in sidecar.allowed-origins; this one came from "
              + PlainText.abbreviate(origin, 100)
              + ". Agents and tools that send no Origin header are not affected.");
    }
  }
}
