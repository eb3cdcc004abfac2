package dev.sessionsidecar.tool;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import dev.sessionsidecar.platform.ApiException;
import dev.sessionsidecar.platform.Page;
import dev.sessionsidecar.session.CurrentSession;
import dev.sessionsidecar.session.ProjectView;
import dev.sessionsidecar.session.Projects;
import dev.sessionsidecar.session.SessionService;
import dev.sessionsidecar.session.SessionView;
import dev.sessionsidecar.session.ToolCallService;
import dev.sessionsidecar.session.ToolCallView;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Optional;

/** {@code get_history}: a session's tool calls, newest first. */
@ApplicationScoped
class GetHistoryAction implements SessionAction {

  private final SessionService sessions;
  private final CurrentSession current;
  private final ToolCallService toolCalls;

  private final Projects projects;

  GetHistoryAction(
      Projects projects,
      SessionService sessions,
      CurrentSession current,
      ToolCallService toolCalls) {
    this.projects = projects;
    this.sessions = sessions;
    this.current = current;
    this.toolCalls = toolCalls;
  }

  /** The typed result. */
  @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
  record Data(String sessionId, long total, List<ToolCallView> toolCalls) {}

  @Override
  public ActionName name() {
    return ActionName.GET_HISTORY;
  }

  @Override
  public ToolReply run(ToolArguments arguments) {
    SessionView session = target(arguments.id(ToolParameter.SESSION_ID));
    Page<ToolCallView> page = toolCalls.history(session.sessionId(), arguments.limit(), 0);
    StringBuilder text =
        new StringBuilder("session ")
            .append(session.sessionId())
            .append(": ")
            .append(page.total())
            .append(page.total() == 1 ? " tool call" : " tool calls")
            .append(", showing ")
            .append(page.items().size())
            .append(", newest first");
    page.items().forEach(c -> text.append('\n').append(SessionLines.toolCall(c)));
    return new ToolReply(
        name().wireName(),
        text.toString(),
        new Data(session.sessionId(), page.total(), page.items()));
  }

  /** The named session, if it belongs to the active project, or else the current session. */
  private SessionView target(Optional<String> sessionId) {
    if (sessionId.isEmpty()) {
      return current
          .session()
          .orElseThrow(() -> CurrentSessionAction.noActiveSession(current.latest()));
    }
    SessionView session = sessions.get(sessionId.get());
    Optional<ProjectView> project = projects.active();
    if (project.isPresent() && !project.get().path().equals(session.project().path())) {
      throw ApiException.notFound(
          "No session "
              + sessionId.get()
              + " in the active project "
              + project.get().path()
              + ": list_sessions shows this project's sessions.");
    }
    return session;
  }
}
