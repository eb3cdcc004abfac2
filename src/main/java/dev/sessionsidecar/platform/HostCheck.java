package dev.sessionsidecar.platform;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.vertx.core.net.HostAndPort;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.List;
import java.util.Locale;

/**
 * Every door of the API port (the REST API, OTLP, MCP, the page, the API description) answers only
 * requests whose {@code Host} names this sidecar by an allowed name ({@code sidecar.allowed-hosts},
 * loopback names by default). Loopback is no wall against a browser on the same machine: a web site
 * that rebinds its own DNS name to 127.0.0.1 sends its own name as Host, and would otherwise read
 * the agent's record with requests that carry no Origin. A request without a usable host (HTTP/1.0
 * or 1.1 without Host, a malformed one) is a 400 problem before anything is done; agents, hooks and
 * exporters name 127.0.0.1 or localhost (HTTP/2 clients in {@code :authority}).
 */
@ApplicationScoped
class HostCheck {

  static final String HOST_REQUIRED =
      "A Host header naming this sidecar is required, such as Host: 127.0.0.1:8080 (HTTP/1.0"
          + " clients must send it too); this request had none, or one that is not a host name.";

  private final List<String> allowed;
  private final ObjectMapper mapper;

  HostCheck(SidecarConfig config, ObjectMapper mapper) {
    this.allowed = config.allowedHosts().stream().map(h -> h.toLowerCase(Locale.ROOT)).toList();
    this.mapper = mapper;
  }

  void install(@Observes Router router) {
    router.route().order(Integer.MIN_VALUE).handler(this::check).failureHandler(this::unusableHost);
  }

  private void check(RoutingContext ctx) {
    // HTTP/1 names the host in Host, HTTP/2 (a JDK client upgrades to it) in :authority.
    HostAndPort authority = ctx.request().authority();
    String host = authority == null ? null : authority.host();
    if (host == null) {
      // An HTTP/1.0 request may omit it; the request's URI cannot be built without it.
      RouteProblems.send(ctx, mapper, ProblemCode.MALFORMED_REQUEST, HOST_REQUIRED);
      return;
    }
    // authority() gives an IPv6 literal without its brackets; the allowed names keep them.
    String name = host.contains(":") && !host.startsWith("[") ? "[" + host + "]" : host;
    if (allowed.contains(nameOf(name))) {
      ctx.next();
      return;
    }
    RouteProblems.send(
        ctx,
        mapper,
        ProblemCode.FORBIDDEN,
        "This sidecar answers only to the host names "
            + String.join(", ", allowed)
            + " (sidecar.allowed-hosts); this request named "
            + PlainText.oneLine(host, 100)
            + ". Reach it by one of those names (behind kubectl port-forward:"
            + " http://localhost:<port>/), or add this one to sidecar.allowed-hosts.");
  }

  /**
   * Vert.x refuses a request whose Host it cannot parse (or an HTTP/1.1 request without one) before
   * any route runs; the refusal is answered as a problem here instead of Quarkus's own body.
   */
  private void unusableHost(RoutingContext ctx) {
    if (ctx.statusCode() == 400 && ctx.request().authority() == null) {
      RouteProblems.send(ctx, mapper, ProblemCode.MALFORMED_REQUEST, HOST_REQUIRED);
    } else {
      ctx.next();
    }
  }

  /** A Host header's name without its port; IPv6 literals keep their brackets. */
  static String nameOf(String host) {
    String lower = host.toLowerCase(Locale.ROOT).strip();
    if (lower.startsWith("[")) {
      int end = lower.indexOf(']');
      return end < 0 ? lower : lower.substring(0, end + 1);
    }
    int colon = lower.indexOf(':');
    return colon < 0 ? lower : lower.substring(0, colon);
  }
}
