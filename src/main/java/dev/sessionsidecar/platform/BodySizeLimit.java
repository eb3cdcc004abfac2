package dev.sessionsidecar.platform;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.runtime.configuration.MemorySize;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Answers bodies over {@code quarkus.http.limits.max-body-size} with a 413 problem instead of the
 * HTTP layer's bare status, both when Content-Length announces it and when a chunked body grows
 * past it.
 */
@ApplicationScoped
public class BodySizeLimit {

  static final String DETAIL =
      "The request body is larger than the limit set by quarkus.http.limits.max-body-size;"
          + " send less per request (split arrays into several requests).";

  private final long maxBytes;
  private final ObjectMapper mapper;

  BodySizeLimit(
      @ConfigProperty(name = "quarkus.http.limits.max-body-size") MemorySize maxBodySize,
      ObjectMapper mapper) {
    this.maxBytes = maxBodySize.asLongValue();
    this.mapper = mapper;
  }

  /** The limit, in bytes: of a body as sent, and of a compressed one once expanded. */
  long maxBytes() {
    return maxBytes;
  }

  void install(@Observes Router router) {
    BodyHandler chunkedBodies = BodyHandler.create(false).setBodyLimit(maxBytes);
    router
        .route()
        .order(Integer.MIN_VALUE)
        .handler(ctx -> check(ctx, chunkedBodies))
        .failureHandler(this::onFailure);
  }

  /**
   * A declared length over the limit is refused before any byte is read. A chunked body has no
   * declared length, so it is read here, with the limit, instead of by the REST layer.
   */
  private void check(RoutingContext ctx, BodyHandler chunkedBodies) {
    String declared = ctx.request().getHeader(HttpHeaders.CONTENT_LENGTH);
    if (declared != null && exceeds(declared)) {
      reject(ctx);
    } else if (declared == null
        && "chunked"
            .equalsIgnoreCase(
                String.valueOf(ctx.request().getHeader(HttpHeaders.TRANSFER_ENCODING)).strip())) {
      // Any other transfer coding is refused next, before its body is read (BodyCodingCheck).
      chunkedBodies.handle(ctx);
    } else {
      ctx.next();
    }
  }

  private void onFailure(RoutingContext ctx) {
    if (ctx.statusCode() == 413) {
      reject(ctx);
    } else {
      ctx.next();
    }
  }

  private boolean exceeds(String declared) {
    try {
      return Long.parseLong(declared.trim()) > maxBytes;
    } catch (NumberFormatException e) {
      return false;
    }
  }

  private void reject(RoutingContext ctx) {
    if (ctx.response().headWritten()) {
      return;
    }
    // The rest of the body is not read, so an HTTP/1 connection cannot carry another request;
    // HTTP/2 forbids the header (each request is its own stream).
    if (ctx.request().version() != io.vertx.core.http.HttpVersion.HTTP_2) {
      ctx.response().putHeader(HttpHeaders.CONNECTION, "close");
    }
    RouteProblems.send(
        ctx, mapper, ProblemCode.PAYLOAD_TOO_LARGE, DETAIL + " Limit: " + maxBytes + " bytes.");
  }
}
