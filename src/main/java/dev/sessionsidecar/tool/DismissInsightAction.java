package dev.sessionsidecar.tool;

import dev.sessionsidecar.insight.InsightService;
import dev.sessionsidecar.platform.ApiException;
import dev.sessionsidecar.session.ProjectView;
import dev.sessionsidecar.session.Projects;
import jakarta.enterprise.context.ApplicationScoped;

/** {@code dismiss_insight}: dismisses an insight of the active project for good. */
@ApplicationScoped
class DismissInsightAction implements SessionAction {

  private final InsightService insights;
  private final Projects projects;

  DismissInsightAction(InsightService insights, Projects projects) {
    this.insights = insights;
    this.projects = projects;
  }

  @Override
  public ActionName name() {
    return ActionName.DISMISS_INSIGHT;
  }

  @Override
  public ToolReply run(ToolArguments arguments) {
    long id =
        arguments
            .insightId()
            .orElseThrow(
                () ->
                    ApiException.invalidArgument(
                        "insight_id",
                        "is required: a positive integer, the id of an insight from insights"));
    ProjectView project = projects.active().orElseThrow(ListSessionsAction::noActiveProject);
    InsightService.Reported dismissed = insights.dismiss(id, null, project.idOrNone());
    String text =
        (dismissed.outcome() == InsightService.Outcome.UNCHANGED
                ? "already dismissed; it stays dismissed\n"
                : "dismissed for good: it stays dismissed when found again\n")
            + InsightLines.insight(dismissed.insight());
    return new ToolReply(name().wireName(), text, dismissed.insight());
  }
}
