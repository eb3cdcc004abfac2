package dev.sessionsidecar.tool;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import dev.sessionsidecar.platform.ApiException;
import dev.sessionsidecar.platform.Page;
import dev.sessionsidecar.platform.ProblemCode;
import dev.sessionsidecar.platform.Timestamps;
import dev.sessionsidecar.session.ProjectView;
import dev.sessionsidecar.session.Projects;
import dev.sessionsidecar.session.SessionFilter;
import dev.sessionsidecar.session.SessionQueries;
import dev.sessionsidecar.session.SessionView;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/** {@code list_sessions}: the active project's sessions, newest activity first. */
@ApplicationScoped
class ListSessionsAction implements SessionAction {

  private final SessionQueries sessions;
  private final Projects projects;
  private final Timestamps time;

  ListSessionsAction(SessionQueries sessions, Projects projects, Timestamps time) {
    this.sessions = sessions;
    this.projects = projects;
    this.time = time;
  }

  /** The typed result. */
  @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
  record Data(ProjectView project, int sinceDays, long total, List<SessionView> sessions) {}

  @Override
  public ActionName name() {
    return ActionName.LIST_SESSIONS;
  }

  @Override
  public ToolReply run(ToolArguments arguments) {
    ProjectView project = projects.active().orElseThrow(ListSessionsAction::noActiveProject);
    int sinceDays = arguments.sinceDays();
    Instant since = sinceDays == 0 ? null : time.now().minus(Duration.ofDays(sinceDays));
    Page<SessionView> page =
        sessions.list(
            SessionFilter.ALL.inProject(project.path()).activeSince(since), arguments.limit(), 0);
    StringBuilder text =
        new StringBuilder("project ")
            .append(project.path())
            .append(": ")
            .append(page.total())
            .append(page.total() == 1 ? " session" : " sessions")
            .append(sinceDays == 0 ? "" : " active in the last " + sinceDays + " days")
            .append(", showing ")
            .append(page.items().size())
            .append(", newest activity first");
    page.items().forEach(s -> text.append('\n').append(SessionLines.session(s)));
    return new ToolReply(
        name().wireName(),
        text.toString(),
        new Data(project, sinceDays, page.total(), page.items()));
  }

  static ApiException noActiveProject() {
    return new ApiException(
        ProblemCode.NO_ACTIVE_PROJECT,
        "No active project: start a session with POST /v1/sessions and a project_path, or"
            + " configure sidecar.project (SIDECAR_PROJECT) for a pod bound to one project.");
  }
}
