package dev.sessionsidecar.otlp;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.sessionsidecar.platform.ProblemCode;
import dev.sessionsidecar.platform.RouteProblems;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/**
 * Answers the OTLP addresses an exporter is likely to be given by mistake with a problem naming the
 * right one, instead of a bare 404: the base {@code /otlp} itself (Codex posts to its endpoint
 * verbatim, it does not append {@code /v1/logs}), {@code /otlp/v1}, and {@code /v1/otlp/...}.
 */
@ApplicationScoped
class OtlpAddresses {

  static final String DETAIL =
      "OTLP/HTTP is served at /otlp/v1/logs, /otlp/v1/traces and /otlp/v1/metrics. An OpenTelemetry"
          + " SDK given OTEL_EXPORTER_OTLP_ENDPOINT=http://127.0.0.1:8080/otlp appends /v1/<signal>"
          + " itself; an exporter that posts to its endpoint as given (Codex's [otel] otlp-http)"
          + " needs the full URL, http://127.0.0.1:8080/otlp/v1/logs.";

  private final ObjectMapper mapper;

  OtlpAddresses(ObjectMapper mapper) {
    this.mapper = mapper;
  }

  void install(@Observes Router router) {
    for (String wrong : new String[] {"/otlp", "/otlp/", "/otlp/v1", "/otlp/v1/", "/v1/otlp*"}) {
      router.route(wrong).order(Integer.MIN_VALUE + 2).handler(this::refuse);
    }
  }

  private void refuse(RoutingContext ctx) {
    RouteProblems.send(ctx, mapper, ProblemCode.NOT_FOUND, DETAIL);
  }
}
