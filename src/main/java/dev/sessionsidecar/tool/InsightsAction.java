package dev.sessionsidecar.tool;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import dev.sessionsidecar.insight.InsightQueries;
import dev.sessionsidecar.insight.InsightScore;
import dev.sessionsidecar.insight.InsightSource;
import dev.sessionsidecar.insight.InsightView;
import dev.sessionsidecar.session.ProjectView;
import dev.sessionsidecar.session.Projects;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;

/** {@code insights}: the active project's undismissed insights, ranked by score. */
@ApplicationScoped
class InsightsAction implements SessionAction {

  static final double DEFAULT_MIN_CONFIDENCE = 0.3;

  private final InsightQueries queries;
  private final Projects projects;

  InsightsAction(InsightQueries queries, Projects projects) {
    this.queries = queries;
    this.projects = projects;
  }

  /** The typed result. */
  @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
  record Data(
      ProjectView project,
      String insightSource,
      double minConfidence,
      int sinceDays,
      String scoreFormula,
      List<InsightView> insights) {}

  @Override
  public ActionName name() {
    return ActionName.INSIGHTS;
  }

  @Override
  public ToolReply run(ToolArguments arguments) {
    ProjectView project = projects.active().orElseThrow(ListSessionsAction::noActiveProject);
    String source = arguments.choice(ToolParameter.INSIGHT_SOURCE).orElse(null);
    double minConfidence = arguments.fraction(ToolParameter.MIN_CONFIDENCE, DEFAULT_MIN_CONFIDENCE);
    int sinceDays = arguments.sinceDays();
    List<InsightView> insights =
        queries.ranked(
            InsightQueries.Filter.top(arguments.limit())
                .inProject(project.idOrNone())
                .from(source == null ? null : InsightSource.fromWire(source).orElseThrow())
                .atLeast(minConfidence)
                .seenWithin(sinceDays));
    StringBuilder text =
        new StringBuilder("project ")
            .append(project.path())
            .append(": ")
            .append(insights.size())
            .append(" insights")
            .append(source == null ? "" : " from " + source)
            .append(" with confidence >= ")
            .append(minConfidence)
            .append(sinceDays == 0 ? "" : ", seen in the last " + sinceDays + " days")
            .append("; best score first (")
            .append(InsightScore.FORMULA)
            .append(')');
    insights.forEach(i -> text.append('\n').append(InsightLines.insight(i)));
    return new ToolReply(
        name().wireName(),
        text.toString(),
        new Data(project, source, minConfidence, sinceDays, InsightScore.FORMULA, insights));
  }
}
