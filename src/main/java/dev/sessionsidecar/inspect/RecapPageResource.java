package dev.sessionsidecar.inspect;

import dev.sessionsidecar.platform.ApiException;
import dev.sessionsidecar.platform.PodNarrowing;
import dev.sessionsidecar.platform.QueryParameters;
import dev.sessionsidecar.recap.Recap;
import dev.sessionsidecar.recap.RecapRenderer;
import dev.sessionsidecar.recap.RecapService;
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

/** The recap exactly as the agent's {@code recap} action answers it. */
@Path(PagePaths.ROOT + "/recap")
@Produces(MediaType.TEXT_HTML)
public class RecapPageResource {

  static final int RECAP_DEFAULT_DAYS = 30;

  @CheckedTemplate
  static class Templates {
    static native TemplateInstance recap(
        String text, int days, List<Integer> windows, PodNarrowing narrowing);
  }

  private final RecapService recaps;
  private final RecapRenderer renderer;

  RecapPageResource(RecapService recaps, RecapRenderer renderer) {
    this.recaps = recaps;
    this.renderer = renderer;
  }

  @GET
  @Operation(hidden = true)
  public TemplateInstance recap(@Context UriInfo uri) {
    QueryParameters query = PageWindow.narrowableQuery(uri);
    // The recap action's default window, so the page shows what the agent gets.
    int days = PageWindow.days(query, RECAP_DEFAULT_DAYS);
    PodNarrowing narrowing = PodNarrowing.of(query);
    Recap recap =
        narrowing.any() ? recaps.recapOf(oneInstance(narrowing), days) : recaps.recap(days);
    return Templates.recap(renderer.text(recap), days, PageWindow.CHOICES, narrowing);
  }

  /** A recap is one agent's: the narrowing must select exactly one sidecar. */
  private static String oneInstance(PodNarrowing narrowing) {
    List<String> ids = narrowing.instanceIds();
    if (ids.size() == 1) {
      return ids.get(0);
    }
    String field = narrowing.pod() != null ? PodNarrowing.POD : PodNarrowing.NAMESPACE;
    throw ApiException.invalidArgument(
        field,
        ids.isEmpty()
            ? "matches no sidecar seen on this database; the Fleet view lists them"
            : "matches "
                + ids.size()
                + " sidecars ("
                + String.join(", ", ids.subList(0, Math.min(5, ids.size())))
                + (ids.size() > 5 ? ", ..." : "")
                + "); a recap is one agent's, so narrow it to one pod");
  }
}
