package dev.sessionsidecar.platform;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.RoutingContext;
import java.util.List;

/** Answers a Vert.x route (outside JAX-RS and its exception mappers) with an RFC 9457 problem. */
public final class RouteProblems {

  private RouteProblems() {}

  /** Ends the response with the problem of {@code code}, its status and {@code detail}. */
  public static void send(
      RoutingContext ctx, ObjectMapper mapper, ProblemCode code, String detail) {
    Problem problem = Problem.of(code, detail, ctx.request().path(), List.of());
    ctx.response()
        .setStatusCode(code.status())
        .putHeader(HttpHeaders.CONTENT_TYPE, Problem.MEDIA_TYPE);
    try {
      ctx.response().end(mapper.writeValueAsString(problem));
    } catch (JsonProcessingException e) {
      ctx.response().end();
    }
  }
}
