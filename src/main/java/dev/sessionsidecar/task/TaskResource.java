package dev.sessionsidecar.task;

import dev.sessionsidecar.platform.QueryParameters;
import jakarta.validation.Valid;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import java.util.Set;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** REST door to the task tracker. */
@Path("/v1/tasks")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "tasks")
public class TaskResource {

  static final int MAX_PAGE = 200;

  private final TaskService tasks;
  private final TaskQueries listings;
  private final TaskRegistration registration;

  TaskResource(TaskService tasks, TaskQueries listings, TaskRegistration registration) {
    this.tasks = tasks;
    this.listings = listings;
    this.registration = registration;
  }

  @POST
  @Operation(
      summary = "Queue a sidecar task or register an agent task",
      description =
          "kind: a sidecar kind (purge, backup) with optional parameters, or external with a"
              + " title for work the agent runs itself. A full queue answers 429 with Retry-After.")
  public Response create(@Valid CreateTaskRequest request, @Context UriInfo uri) {
    TaskView task = registration.create(request);
    return Response.created(uri.getAbsolutePathBuilder().path(task.taskId()).build())
        .entity(task)
        .build();
  }

  @GET
  @Operation(summary = "Open tasks first, then finished ones, newest first")
  public List<TaskView> list(@Context UriInfo uri) {
    QueryParameters query = QueryParameters.of(uri, Set.of("limit", "since_days"));
    return listings.list(
        query.integer("limit", 20, 1, MAX_PAGE),
        query.integer("since_days", 30, 0, QueryParameters.MAX_DAYS));
  }

  @GET
  @Path("/{id}")
  @Operation(summary = "Read one task")
  public TaskView get(@PathParam("id") String id) {
    return tasks.get(id);
  }

  @PATCH
  @Path("/{id}")
  @Operation(
      summary = "Report on an agent task",
      description = "A final task answers 409 with the task as it is (field current).")
  public TaskView update(@PathParam("id") String id, @Valid UpdateTaskRequest request) {
    return tasks.update(id, request);
  }

  @POST
  @Path("/{id}/cancel")
  @Consumes(MediaType.WILDCARD)
  @Operation(
      summary = "Cancel a task",
      description = "An open task is cancelled before the answer; a final one answers 409.")
  public TaskView cancel(@PathParam("id") String id) {
    return tasks.cancel(id);
  }
}
