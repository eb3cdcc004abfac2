package dev.sessionsidecar.platform;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.Locale;
import java.util.Set;

/**
 * A body is read only as what it says it is (RFC 9110, 9112): a {@code Transfer-Encoding} other
 * than chunked is a 400 (the connection was closed without a reply), a {@code Content-Encoding}
 * other than gzip, deflate or identity is a 415 (it was read as identity), and a body sent to the
 * JSON API ({@code /v1}) without {@code Content-Type: application/json} is a 415 too (none, or
 * {@code *}/*, was read as JSON). OTLP and MCP check their own types; the page's forms are its own.
 */
@ApplicationScoped
class BodyCodingCheck {

  private static final Set<String> CODINGS = Set.of("gzip", "deflate", "identity", "x-gzip");

  private final ObjectMapper mapper;

  BodyCodingCheck(ObjectMapper mapper) {
    this.mapper = mapper;
  }

  void install(@Observes Router router) {
    router.route().order(Integer.MIN_VALUE + 1).handler(this::check);
  }

  private void check(RoutingContext ctx) {
    HttpServerRequest request = ctx.request();
    String transfer = request.getHeader(HttpHeaders.TRANSFER_ENCODING);
    if (transfer != null && !transfer.strip().equalsIgnoreCase("chunked")) {
      // RFC 9112: without chunked last, the body's end is unknown; the HTTP layer read until the
      // connection closed and closed it without a reply.
      ctx.response().putHeader(HttpHeaders.CONNECTION, "close");
      RouteProblems.send(
          ctx,
          mapper,
          ProblemCode.MALFORMED_REQUEST,
          "Transfer-Encoding "
              + PlainText.oneLine(transfer, 60)
              + " is not one this sidecar reads: send the body with Content-Length, or chunked.");
      return;
    }
    String coding = request.getHeader(HttpHeaders.CONTENT_ENCODING);
    if (coding != null && !knownCodings(coding)) {
      RouteProblems.send(
          ctx,
          mapper,
          ProblemCode.UNSUPPORTED_MEDIA_TYPE,
          "Content-Encoding "
              + PlainText.oneLine(coding, 60)
              + " is not one this sidecar reads: send the body as it is, or gzip or deflate it.");
      return;
    }
    if (request.path().startsWith("/v1/") && hasBody(request) && !isJson(request)) {
      RouteProblems.send(
          ctx,
          mapper,
          ProblemCode.UNSUPPORTED_MEDIA_TYPE,
          "Send the body as application/json (Content-Type: application/json).");
      return;
    }
    ctx.next();
  }

  private static boolean knownCodings(String header) {
    for (String coding : header.split(",")) {
      if (!CODINGS.contains(coding.strip().toLowerCase(Locale.ROOT))) {
        return false;
      }
    }
    return true;
  }

  private static boolean hasBody(HttpServerRequest request) {
    String length = request.getHeader(HttpHeaders.CONTENT_LENGTH);
    return (length != null && !length.strip().equals("0"))
        || request.getHeader(HttpHeaders.TRANSFER_ENCODING) != null;
  }

  private static boolean isJson(HttpServerRequest request) {
    String type = request.getHeader(HttpHeaders.CONTENT_TYPE);
    if (type == null) {
      return false;
    }
    String media = type.split(";", 2)[0].strip().toLowerCase(Locale.ROOT);
    return media.equals("application/json") || media.endsWith("+json");
  }
}
