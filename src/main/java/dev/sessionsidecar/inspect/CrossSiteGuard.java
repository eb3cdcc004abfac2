package dev.sessionsidecar.inspect;

import dev.sessionsidecar.platform.ApiException;
import dev.sessionsidecar.platform.ProblemCode;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import java.net.URI;
import java.util.List;
import java.util.Locale;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;

/**
 * Keeps other web sites off the inspection page: it answers only to the allowed host names (no DNS
 * rebinding), its buttons act only for requests sent from the page itself (Origin, or Referer when
 * a browser sends no Origin), and its answers may not be framed or load anything foreign.
 */
class CrossSiteGuard {

  /** Script, styles, data and images come from the sidecar itself; nobody may frame the page. */
  static final String CONTENT_SECURITY_POLICY =
      "default-src 'self'; img-src 'self' data:; object-src 'none'; base-uri 'none';"
          + " form-action 'self'; frame-ancestors 'none'";

  private final List<String> allowedHosts;

  CrossSiteGuard(PageConfig settings) {
    this.allowedHosts =
        settings.allowedHosts().stream().map(h -> h.toLowerCase(Locale.ROOT)).toList();
  }

  @ServerRequestFilter
  void check(ContainerRequestContext request) {
    if (!PagePaths.isPage(request.getUriInfo().getPath())) {
      return;
    }
    String host = request.getHeaderString("Host");
    if (host == null || !allowedHosts.contains(hostName(host))) {
      throw new ApiException(
          ProblemCode.FORBIDDEN,
          "The inspection page answers only to "
              + String.join(", ", allowedHosts)
              + " (sidecar.ui.allowed-hosts); open it through kubectl port-forward at"
              + " http://localhost:<port>/.");
    }
    if (!"POST".equals(request.getMethod())) {
      return;
    }
    String from = request.getHeaderString("Origin");
    if (from == null) {
      from = originOf(request.getHeaderString("Referer"));
    }
    if (from == null || !isSameOrigin(from, host)) {
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

  /** The Host header without its port; IPv6 literals keep their brackets. */
  static String hostName(String host) {
    String lower = host.toLowerCase(Locale.ROOT);
    if (lower.startsWith("[")) {
      int end = lower.indexOf(']');
      return end < 0 ? lower : lower.substring(0, end + 1);
    }
    int colon = lower.indexOf(':');
    return colon < 0 ? lower : lower.substring(0, colon);
  }
}
