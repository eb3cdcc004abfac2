package dev.sessionsidecar.inspect;

import dev.sessionsidecar.platform.Page;
import dev.sessionsidecar.platform.PodNarrowing;
import dev.sessionsidecar.platform.QueryParameters;
import dev.sessionsidecar.session.SessionFilter;
import dev.sessionsidecar.session.SessionQueries;
import dev.sessionsidecar.session.SessionService;
import dev.sessionsidecar.session.SessionView;
import dev.sessionsidecar.session.ToolCallService;
import dev.sessionsidecar.session.ToolCallView;
import dev.sessionsidecar.usage.SessionUsage;
import dev.sessionsidecar.usage.UsageQueries;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.UriInfo;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import org.eclipse.microprofile.openapi.annotations.Operation;

/** Sessions, newest activity first, and one session's tool calls in the order they were made. */
@Path(PagePaths.ROOT + "/sessions")
@Produces(MediaType.TEXT_HTML)
public class SessionPageResource {

  static final int PAGE_SIZE = 50;
  static final int MAX_CALLS = 500;

  @CheckedTemplate
  static class Templates {
    static native TemplateInstance list(
        List<Row> rows, long total, Integer newer, Integer older, PodNarrowing narrowing);

    static native TemplateInstance detail(
        SessionView session, SessionUsage usage, List<ToolCallView> calls, long totalCalls);
  }

  /** One session in the list, with what it cost. */
  record Row(SessionView session, SessionUsage usage) {}

  private final SessionService sessions;
  private final SessionQueries listings;
  private final ToolCallService toolCalls;
  private final UsageQueries usage;

  SessionPageResource(
      SessionService sessions,
      SessionQueries listings,
      ToolCallService toolCalls,
      UsageQueries usage) {
    this.sessions = sessions;
    this.listings = listings;
    this.toolCalls = toolCalls;
    this.usage = usage;
  }

  @GET
  @Operation(hidden = true)
  public TemplateInstance list(@Context UriInfo uri) {
    QueryParameters query =
        QueryParameters.of(uri, Set.of("offset", PodNarrowing.POD, PodNarrowing.NAMESPACE));
    int offset = query.integer("offset", 0, 0, Integer.MAX_VALUE - 100);
    PodNarrowing narrowing = PodNarrowing.of(query);
    SessionFilter filter =
        SessionFilter.ALL.onPod(narrowing.pod()).inNamespace(narrowing.namespace());
    Page<SessionView> page = listings.list(filter, PAGE_SIZE, offset);
    List<Row> rows =
        page.items().stream().map(s -> new Row(s, usage.forSession(s.sessionId()))).toList();
    Integer newer = offset > 0 ? Math.max(0, offset - PAGE_SIZE) : null;
    Integer older = offset + PAGE_SIZE < page.total() ? offset + PAGE_SIZE : null;
    return Templates.list(rows, page.total(), newer, older, narrowing);
  }

  @GET
  @Path("/{id}")
  @Operation(hidden = true)
  public TemplateInstance detail(@PathParam("id") String id, @Context UriInfo uri) {
    QueryParameters.of(uri, Set.of());
    SessionView session = sessions.get(id);
    Page<ToolCallView> newestFirst = toolCalls.history(id, MAX_CALLS, 0);
    // Shown in the order they were made: the newest MAX_CALLS, oldest of them first.
    List<ToolCallView> inOrder = new ArrayList<>(newestFirst.items());
    Collections.reverse(inOrder);
    return Templates.detail(session, usage.forSession(id), inOrder, newestFirst.total());
  }
}
