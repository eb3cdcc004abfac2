package dev.sessionsidecar.inspect;

import jakarta.ws.rs.core.Response;
import java.net.URI;

/** Where the inspection page lives: the root and everything under {@code /ui/}. */
final class PagePaths {

  static final String ROOT = "/ui";

  private PagePaths() {}

  /** 303 to a view after one of its buttons acted (post/redirect/get). */
  static Response seeOther(String view) {
    return Response.seeOther(URI.create(ROOT + "/" + view)).build();
  }

  static boolean isPage(String path) {
    String absolute = path.startsWith("/") ? path : "/" + path;
    return absolute.equals("/") || absolute.equals(ROOT) || absolute.startsWith(ROOT + "/");
  }
}
