package dev.sessionsidecar.inspect;

/** Where the inspection page lives: the root and everything under {@code /ui/}. */
final class PagePaths {

  static final String ROOT = "/ui";

  private PagePaths() {}

  static boolean isPage(String path) {
    String absolute = path.startsWith("/") ? path : "/" + path;
    return absolute.equals("/") || absolute.equals(ROOT) || absolute.startsWith(ROOT + "/");
  }
}
