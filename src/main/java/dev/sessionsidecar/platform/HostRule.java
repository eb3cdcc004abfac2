package dev.sessionsidecar.platform;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.vertx.core.http.HttpHeaders;
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
 * the agent's record with requests that carry no Origin. A request without Host (HTTP/1.0) comes
 * from no browser and passes; agents, hooks and exporters name 127.0.0.1 or localhost.
 */
@ApplicationScoped
class HostRule {

  private final List<String> allowed;
  private final ObjectMapper mapper;

  HostRule(SidecarConfig config, ObjectMapper mapper) {
    this.allowed = config.allowedHosts().stream().map(h -> h.toLowerCase(Locale.ROOT)).toList();
    this.mapper = mapper;
  }

  void install(@Observes Router router) {
    router.route().order(Integer.MIN_VALUE).handler(this::check);
  }

  private void check(RoutingContext ctx) {
    String host = ctx.request().getHeader(HttpHeaders.HOST);
    if (host == null || allowed.contains(nameOf(host))) {
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
