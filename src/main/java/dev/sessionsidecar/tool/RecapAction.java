package dev.sessionsidecar.tool;

import dev.sessionsidecar.recap.Recap;
import dev.sessionsidecar.recap.RecapService;
import jakarta.enterprise.context.ApplicationScoped;

/** {@code recap}: one page that says where things stand. */
@ApplicationScoped
class RecapAction implements SessionAction {

  private final RecapService recaps;
  private final RecapText renderer;

  RecapAction(RecapService recaps, RecapText renderer) {
    this.recaps = recaps;
    this.renderer = renderer;
  }

  @Override
  public ActionName name() {
    return ActionName.RECAP;
  }

  @Override
  public ToolReply run(ToolArguments arguments) {
    Recap recap = recaps.recap(arguments.sinceDays());
    return new ToolReply(name().wireName(), renderer.text(recap), recap);
  }
}
