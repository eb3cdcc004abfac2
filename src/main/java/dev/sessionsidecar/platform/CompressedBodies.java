package dev.sessionsidecar.platform;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;
import io.vertx.ext.web.impl.RoutingContextInternal;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.zip.GZIPInputStream;
import java.util.zip.InflaterInputStream;

/**
 * Reads a gzip or deflate body itself (the HTTP layer's decompression is off), on a worker thread
 * and to at most the body limit expanded. The HTTP layer closed the connection without a reply when
 * a body was not what its {@code Content-Encoding} said, and expanded a bomb whole on an event loop
 * before refusing it, stalling every other client of that loop; here the first is a 400 problem and
 * the second stops at the limit, so one request holds at most the limit compressed plus the limit
 * expanded, and only worker threads (bounded) do the work.
 */
@ApplicationScoped
class CompressedBodies {

  /** How much is expanded at a time. */
  private static final int CHUNK = 8192;

  private final long maxBytes;
  private final ObjectMapper mapper;

  CompressedBodies(BodySizeLimit limit, ObjectMapper mapper) {
    this.maxBytes = limit.maxBytes();
    this.mapper = mapper;
  }

  void install(@Observes Router router) {
    BodyHandler compressed = BodyHandler.create(false).setBodyLimit(maxBytes);
    // First the compressed bytes are read (the limit applies to them too), then expanded.
    router
        .route()
        .order(Integer.MIN_VALUE + 2)
        .handler(
            ctx -> {
              if (codings(ctx).isEmpty() || ctx.body().available()) {
                ctx.next();
              } else {
                compressed.handle(ctx);
              }
            });
    router.route().order(Integer.MIN_VALUE + 3).handler(this::expand);
  }

  private void expand(RoutingContext ctx) {
    List<String> codings = codings(ctx);
    if (codings.isEmpty()) {
      ctx.next();
      return;
    }
    byte[] body = ctx.body().buffer() == null ? new byte[0] : ctx.body().buffer().getBytes();
    if (body.length == 0) {
      ctx.request().headers().remove(HttpHeaders.CONTENT_ENCODING); // nothing to expand
      ctx.next();
      return;
    }
    ctx.vertx()
        .executeBlocking(() -> decoded(body, codings), false)
        .onSuccess(
            expanded -> {
              // The one way to hand a body read here to the REST layer, as Vert.x's BodyHandler
              // does.
              ((RoutingContextInternal) ctx).setBody(Buffer.buffer(expanded));
              ctx.request().headers().remove(HttpHeaders.CONTENT_ENCODING);
              ctx.request()
                  .headers()
                  .set(HttpHeaders.CONTENT_LENGTH, String.valueOf(expanded.length));
              ctx.next();
            })
        .onFailure(failure -> refuse(ctx, failure));
  }

  private void refuse(RoutingContext ctx, Throwable failure) {
    if (failure instanceof TooLarge) {
      RouteProblems.send(
          ctx,
          mapper,
          ProblemCode.PAYLOAD_TOO_LARGE,
          BodySizeLimit.DETAIL + " Limit (expanded): " + maxBytes + " bytes.");
    } else {
      RouteProblems.send(
          ctx,
          mapper,
          ProblemCode.MALFORMED_REQUEST,
          "The body is not "
              + String.join(", then ", codings(ctx))
              + " data, as its Content-Encoding says ("
              + PlainText.oneLine(String.valueOf(failure.getMessage()), 100)
              + "): send it encoded so, or as it is without Content-Encoding.");
    }
  }

  /** The codings to undo, last applied first; identity is none. */
  private static List<String> codings(RoutingContext ctx) {
    String header = ctx.request().getHeader(HttpHeaders.CONTENT_ENCODING);
    List<String> codings = new ArrayList<>();
    if (header == null) {
      return codings;
    }
    for (String coding : header.split(",")) {
      String name = coding.strip().toLowerCase(Locale.ROOT);
      if (!name.equals("identity") && !name.isEmpty()) {
        codings.add(0, name);
      }
    }
    return codings;
  }

  private byte[] decoded(byte[] body, List<String> codings) throws IOException {
    byte[] bytes = body;
    for (String coding : codings) {
      ByteArrayInputStream raw = new ByteArrayInputStream(bytes);
      try (InputStream in =
          coding.equals("deflate") ? new InflaterInputStream(raw) : new GZIPInputStream(raw)) {
        bytes = readAtMost(in);
      }
    }
    return bytes;
  }

  private byte[] readAtMost(InputStream in) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    byte[] chunk = new byte[CHUNK];
    for (int n = in.read(chunk); n >= 0; n = in.read(chunk)) {
      out.write(chunk, 0, n);
      if (out.size() > maxBytes) {
        throw new TooLarge();
      }
    }
    return out.toByteArray();
  }

  /** A body that expands past the limit. */
  private static final class TooLarge extends IOException {
    TooLarge() {
      super("expands past the body limit", null);
    }
  }
}
