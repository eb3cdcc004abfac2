package dev.sessionsidecar.tool;

import dev.sessionsidecar.budget.BudgetView;
import dev.sessionsidecar.goal.GoalView;
import dev.sessionsidecar.platform.PlainText;
import dev.sessionsidecar.preference.PreferenceView;
import dev.sessionsidecar.recap.Recap;
import dev.sessionsidecar.recap.RecapRenderer;
import dev.sessionsidecar.usage.SessionUsage;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.function.Function;

/** Renders the recap as headed sections, one line per item, for a model and for curl. */
@ApplicationScoped
public class RecapText implements RecapRenderer {

  static final String NOTHING_YET =
      "Nothing is recorded yet. Start a session with POST /v1/sessions {\"project_path\":"
          + " \"/path/to/project\"} (or let the agent's hooks start one), then ask for recap again.";

  @Override
  public String text(Recap recap) {
    if (recap.isEmpty()) {
      return NOTHING_YET;
    }
    StringBuilder text = new StringBuilder("# Recap of ");
    text.append(
            recap.project() == null
                ? "all projects (no active project)"
                : "project " + recap.project().path() + " (" + recap.project().name() + ")")
        .append(recap.sinceDays() == 0 ? ", all time" : ", last " + recap.sinceDays() + " days");
    if (recap.currentSession() != null) {
      text.append("\n\n## Current session\n")
          .append(session(recap.currentSession()))
          .append(SessionLines.state(recap.currentSession().session()));
    }
    section(
        text, "Recent sessions, newest activity first", recap.recentSessions(), RecapText::session);
    section(text, "Active goals, by priority", recap.goals(), RecapText::goal);
    section(text, "Open tasks", recap.openTasks(), TaskLines::task);
    section(
        text,
        "Tasks failed since " + recap.failedTasksSince(),
        recap.failedTasks(),
        TaskLines::task);
    section(text, "Insights, best score first", recap.insights(), InsightLines::insight);
    section(text, "Preferences", recap.preferences(), RecapText::preference);
    if (recap.usage() != null) {
      text.append("\n\n## LLM usage")
          .append(recap.sinceDays() == 0 ? "" : ", last " + recap.sinceDays() + " days")
          .append('\n')
          .append(UsageLines.figures(recap.usage()));
    }
    section(text, "Budgets", recap.budgets(), BudgetView::line);
    return text.toString();
  }

  private static <T> void section(
      StringBuilder text, String heading, List<T> items, Function<T, String> line) {
    if (items.isEmpty()) {
      return;
    }
    text.append("\n\n## ").append(heading);
    items.forEach(item -> text.append('\n').append(line.apply(item)));
  }

  private static String session(Recap.SessionWithUsage s) {
    SessionUsage used = s.usage();
    return SessionLines.session(s.session())
        + " llm_requests="
        + used.requests()
        + " cost_usd="
        + used.costUsd().toPlainString()
        + (used.unknownCostRequests() == 0
            ? ""
            : " unknown_cost_requests=" + used.unknownCostRequests());
  }

  private static String goal(GoalView g) {
    return "["
        + g.priority()
        + "] "
        + g.status()
        + " "
        + g.progressPercent()
        + "% "
        + PlainText.oneLine(g.title(), 200)
        + " ("
        + g.project()
        + ") id="
        + g.id();
  }

  private static String preference(PreferenceView p) {
    return p.key()
        + " = "
        + PlainText.oneLine(p.value(), 300)
        + " ("
        + (p.project().equals("global") ? "global" : "project")
        + (p.overridesGlobal() ? ", overrides global" : "")
        + ")";
  }
}
