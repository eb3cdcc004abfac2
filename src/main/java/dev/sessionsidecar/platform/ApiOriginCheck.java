package dev.sessionsidecar.platform;

import jakarta.ws.rs.container.ContainerRequestContext;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/** Refuses {@code /v1} requests sent by web pages from origins {@link BrowserOrigins} rejects. */
class ApiOriginCheck {

  private final BrowserOrigins origins;

  ApiOriginCheck(BrowserOrigins origins) {
    this.origins = origins;
  }

  @ServerRequestFilter
  void check(ContainerRequestContext request) {
    String path = request.getUriInfo().getPath();
    boolean api = path.startsWith("/v1/") || path.startsWith("v1/");
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
