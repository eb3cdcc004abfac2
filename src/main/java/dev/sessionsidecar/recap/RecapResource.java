package dev.sessionsidecar.recap;

import dev.sessionsidecar.platform.QueryParameters;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.UriInfo;
import java.util.Set;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** REST door to the recap: JSON by default, text when the client asks for text/plain. */
@Path("/v1/recap")
@Tag(name = "recap")
public class RecapResource {

  private final RecapService recaps;
  private final RecapRenderer renderer;

  RecapResource(RecapService recaps, RecapRenderer renderer) {
    this.recaps = recaps;
    this.renderer = renderer;
  }

  @GET
  @Produces(MediaType.APPLICATION_JSON)
  @Operation(
      summary = "Where things stand",
      description =
          "since_days (0..3650, default 30) sets the usage window. Send Accept: text/plain for the"
              + " text the recap action answers.")
  public Recap json(@Context UriInfo uri) {
    return recaps.recap(sinceDays(uri));
  }

  @GET
  @Produces(MediaType.TEXT_PLAIN)
  @Operation(hidden = true)
  public String text(@Context UriInfo uri) {
    return renderer.text(recaps.recap(sinceDays(uri))) + "\n";
  }

  private static int sinceDays(UriInfo uri) {
    return QueryParameters.of(uri, Set.of("since_days"))
        .integer("since_days", 30, 0, QueryParameters.MAX_DAYS);
  }
}
