package dev.sessionsidecar.tool;

import dev.sessionsidecar.platform.ApiException;
import dev.sessionsidecar.platform.ProblemCode;
import dev.sessionsidecar.session.SessionService;
import dev.sessionsidecar.session.SessionView;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;

/** {@code current_session}: the session the agent is in now. */
@ApplicationScoped
class CurrentSessionAction implements SessionAction {

  private final SessionService sessions;

  CurrentSessionAction(SessionService sessions) {
    this.sessions = sessions;
  }

  @Override
  public ActionName name() {
    return ActionName.CURRENT_SESSION;
  }

  @Override
  public ToolReply run(ToolArguments arguments) {
    SessionView s = sessions.current().orElseThrow(() -> noActiveSession(sessions.latest()));
    String text =
        String.join(
            "\n",
            "session " + s.sessionId() + " " + s.status(),
            "project " + s.project().path() + " (" + s.project().name() + ")",
            "started " + s.startedAt() + ", last activity " + s.lastActivityAt(),
            "tool calls " + s.toolCalls() + ", errors " + s.errors());
    return new ToolReply(name().wireName(), text, s);
  }

  static ApiException noActiveSession(Optional<SessionView> latest) {
    String hint =
        latest
            .map(
                s ->
                    " The last session, "
                        + s.sessionId()
                        + ", is "
                        + s.status()
                        + (s.endReason() != null ? " (" + s.endReason() + ")" : "")
                        + "; resume it with POST /v1/sessions {\"session_id\": \""
                        + s.sessionId()
                        + "\"}.")
            .orElse("");
    return new ApiException(
        ProblemCode.NO_ACTIVE_SESSION,
        "No active session: start one with POST /v1/sessions, or pass session_id." + hint);
  }
}
