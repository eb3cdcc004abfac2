package dev.sessionsidecar.inspect;

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
    static native TemplateInstance recap(String text, int days, List<Integer> windows);
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
    // The recap action's default window, so the page shows what the agent gets.
    int days = PageWindow.days(uri, RECAP_DEFAULT_DAYS);
    return Templates.recap(renderer.text(recaps.recap(days)), days, PageWindow.CHOICES);
  }
}
