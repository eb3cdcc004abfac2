package dev.sessionsidecar.inspect;

import dev.sessionsidecar.platform.ApiException;
import dev.sessionsidecar.platform.PodNarrowing;
import dev.sessionsidecar.platform.ProblemCode;
import dev.sessionsidecar.platform.QueryParameters;
import dev.sessionsidecar.task.TaskQueries;
import dev.sessionsidecar.task.TaskService;
import dev.sessionsidecar.task.TaskView;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;

/** Tasks, running first, refreshed in place every two seconds; cancel buttons on open ones. */
@Path(PagePaths.ROOT + "/tasks")
@Produces(MediaType.TEXT_HTML)
public class TaskPageResource {

  static final int LIMIT = 100;

  @CheckedTemplate
  static class Templates {
    static native TemplateInstance tasks(
        List<TaskView> tasks, int days, List<Integer> windows, PodNarrowing narrowing);

    /** The table body alone, which the page polls. */
    static native TemplateInstance tasks$rows(
        List<TaskView> tasks, int days, PodNarrowing narrowing);
  }

  private final TaskService tasks;
  private final TaskQueries listings;

  TaskPageResource(TaskService tasks, TaskQueries listings) {
    this.tasks = tasks;
    this.listings = listings;
  }

  @GET
  @Operation(hidden = true)
  public TemplateInstance list(@Context UriInfo uri) {
    QueryParameters query = PageWindow.narrowableQuery(uri);
    int days = PageWindow.days(query);
    PodNarrowing narrowing = PodNarrowing.of(query);
    return Templates.tasks(listed(days, narrowing), days, PageWindow.CHOICES, narrowing);
  }

  @GET
  @Path("/rows")
  @Operation(hidden = true)
  public TemplateInstance rows(@Context UriInfo uri) {
    QueryParameters query = PageWindow.narrowableQuery(uri);
    int days = PageWindow.days(query);
    PodNarrowing narrowing = PodNarrowing.of(query);
    return Templates.tasks$rows(listed(days, narrowing), days, narrowing);
  }

  /** The tasks that the narrowed pods registered, queued or ran; not narrowed, every task. */
  private List<TaskView> listed(int days, PodNarrowing narrowing) {
    return listings.list(LIMIT, days, narrowing.any() ? narrowing.instanceIds() : null);
  }

  @POST
  @Path("/{id}/cancel")
  @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
  @Operation(hidden = true)
  public Response cancel(@PathParam("id") String id) {
    try {
      tasks.cancel(id);
    } catch (ApiException e) {
      // The task ended between the page showing it and the click (the table is up to 2 s old):
      // the list, which now shows how it ended, answers the person better than a 409 does.
      if (e.code() != ProblemCode.CONFLICT) {
        throw e;
      }
    }
    return PagePaths.seeOther("tasks");
  }
}
