package dev.sessionsidecar.inspect;

import dev.sessionsidecar.platform.QueryParameters;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import java.util.Set;

/** The window a view covers: {@code ?days=N}, by default the last 7 days. */
final class PageWindow {

  /** The windows the page offers; any 1..3650 is accepted in the URL. */
  static final List<Integer> CHOICES = List.of(1, 7, 30, 90);

  static final int DEFAULT_DAYS = 7;

  private PageWindow() {}

  /** The window of a view that takes no other query parameter. */
  static int days(UriInfo uri) {
    return days(uri, DEFAULT_DAYS);
  }

  static int days(UriInfo uri, int defaultDays) {
    return QueryParameters.of(uri, Set.of("days"))
        .integer("days", defaultDays, 1, QueryParameters.MAX_DAYS);
  }

  static int days(QueryParameters query) {
    return query.integer("days", DEFAULT_DAYS, 1, QueryParameters.MAX_DAYS);
  }
}
