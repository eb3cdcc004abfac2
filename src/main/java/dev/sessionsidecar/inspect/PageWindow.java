package dev.sessionsidecar.inspect;

import dev.sessionsidecar.platform.PodNarrowing;
import dev.sessionsidecar.platform.QueryParameters;
import jakarta.ws.rs.core.UriInfo;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** The window a view covers: {@code ?days=N}, by default the last 7 days. */
final class PageWindow {

  /** The windows the page offers; any 1..3650 is accepted in the URL. */
  static final List<Integer> CHOICES = List.of(1, 7, 30, 90);

  static final int DEFAULT_DAYS = 7;

  private PageWindow() {}

  /** The query of a view that takes a window, a pod narrowing and the other names given. */
  static QueryParameters narrowableQuery(UriInfo uri, String... others) {
    Set<String> accepted = new HashSet<>(PodNarrowing.PARAMETERS);
    accepted.add("days");
    accepted.addAll(List.of(others));
    return QueryParameters.of(uri, accepted);
  }

  static int days(QueryParameters query) {
    return days(query, DEFAULT_DAYS);
  }

  static int days(QueryParameters query, int defaultDays) {
    return query.integer("days", defaultDays, 1, QueryParameters.MAX_DAYS);
  }
}
