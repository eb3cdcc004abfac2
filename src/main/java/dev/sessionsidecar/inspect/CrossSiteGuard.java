package dev.sessionsidecar.inspect;

import dev.sessionsidecar.platform.ApiException;
import dev.sessionsidecar.platform.ProblemCode;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import java.net.URI;
import java.util.Locale;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;

/**
 * Keeps other web sites off the inspection page: its buttons act only for requests sent from the
 * page itself (Origin, or Referer when a browser sends no Origin), and its answers may not be
 * framed or load anything foreign. (Only allowed host names reach it at all: platform.HostCheck.)
 */
class CrossSiteGuard {

  /** Script, styles, data and images come from the sidecar itself; nobody may frame the page. */
  static final String CONTENT_SECURITY_POLICY =
      "default-src 'self'; img-src 'self' data:; object-src 'none'; base-uri 'none';"
          + " form-action 'self'; frame-ancestors 'none'";

  @ServerRequestFilter
  void check(ContainerRequestContext request) {
    if (!PagePaths.isPage(request.getUriInfo().getPath())) {
      return;
    }
    // The host name was checked for every door of the port (platform.HostCheck).
    String host = request.getHeaderString("Host");
    if (!"POST".equals(request.getMethod())) {
      return;
    }
    String from = request.getHeaderString("Origin");
    if (from == null) {
      from = originOf(request.getHeaderString("Referer"));
    }
    if (from == null || host == null || !isSameOrigin(from, host)) {
      throw new ApiException(
          ProblemCode.FORBIDDEN,
          "Page buttons act only for requests sent from the page at http://"
              + host
              + "/ (Origin or Referer); other clients use the JSON API under /v1.");
    }
  }

  @ServerResponseFilter
  void protect(ContainerRequestContext request, ContainerResponseContext response) {
    if (PagePaths.isPage(request.getUriInfo().getPath())) {
      response.getHeaders().putSingle("Content-Security-Policy", CONTENT_SECURITY_POLICY);
      response.getHeaders().putSingle("X-Content-Type-Options", "nosniff");
      response.getHeaders().putSingle("Referrer-Policy", "same-origin");
      response.getHeaders().putSingle("Cache-Control", "no-store");
    }
  }

  private static boolean isSameOrigin(String origin, String host) {
    String expected = host.toLowerCase(Locale.ROOT);
    String actual = origin.toLowerCase(Locale.ROOT);
    return actual.equals("http://" + expected) || actual.equals("https://" + expected);
  }

  /** The scheme, host and port of a URL, or null when it is not one. */
  private static String originOf(String url) {
    if (url == null) {
      return null;
    }
    try {
      URI uri = URI.create(url);
      if (uri.getScheme() == null || uri.getRawAuthority() == null) {
        return null;
      }
      return uri.getScheme() + "://" + uri.getRawAuthority();
    } catch (IllegalArgumentException notAUrl) {
      return null;
    }
  }
}
