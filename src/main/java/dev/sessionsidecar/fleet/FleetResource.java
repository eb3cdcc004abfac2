package dev.sessionsidecar.fleet;

import dev.sessionsidecar.platform.PodNarrowing;
import dev.sessionsidecar.platform.QueryParameters;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import java.util.Set;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** REST door to the fleet: the sidecar instances that share this database. */
@Path("/v1/instances")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "fleet")
public class FleetResource {

  /** The window's default length, in days. */
  public static final int DEFAULT_DAYS = 7;

  private final FleetService fleet;

  FleetResource(FleetService fleet) {
    this.fleet = fleet;
  }

  @GET
  @Operation(
      summary = "The sidecar instances seen on this database",
      description =
          "Most recently seen first: pod, namespace, node, started, last seen, whether it looks"
              + " alive (seen within 30 s), sessions active now, and its tool calls, LLM requests"
              + " and cost over since_days (1..3650, default 7). On H2 the one sidecar. pod (a pod"
              + " name or an instance id) and namespace narrow the list.")
  public List<InstanceView> list(@Context UriInfo uri) {
    QueryParameters query =
        QueryParameters.of(uri, Set.of("since_days", PodNarrowing.POD, PodNarrowing.NAMESPACE));
    return fleet.instances(
        query.integer("since_days", DEFAULT_DAYS, 1, QueryParameters.MAX_DAYS),
        PodNarrowing.of(query));
  }
}
