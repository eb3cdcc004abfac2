package dev.sessionsidecar.inspect;

import dev.sessionsidecar.fleet.FleetService;
import dev.sessionsidecar.fleet.InstanceView;
import dev.sessionsidecar.platform.PodNarrowing;
import dev.sessionsidecar.platform.QueryParameters;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;

/** The sidecars sharing this database: where they run, whether alive, what each recorded. */
@Path(PagePaths.ROOT + "/fleet")
@Produces(MediaType.TEXT_HTML)
public class FleetPageResource {

  @CheckedTemplate
  static class Templates {
    static native TemplateInstance fleet(
        List<InstanceView> instances, int days, List<Integer> windows, PodNarrowing narrowing);
  }

  private final FleetService fleet;

  FleetPageResource(FleetService fleet) {
    this.fleet = fleet;
  }

  @GET
  @Operation(hidden = true)
  public TemplateInstance fleet(@Context UriInfo uri) {
    QueryParameters query = PageWindow.narrowableQuery(uri);
    int days = PageWindow.days(query);
    PodNarrowing narrowing = PodNarrowing.of(query);
    return Templates.fleet(fleet.instances(days, narrowing), days, PageWindow.CHOICES, narrowing);
  }
}
