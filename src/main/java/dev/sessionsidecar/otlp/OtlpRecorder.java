package dev.sessionsidecar.otlp;

import dev.sessionsidecar.platform.ApiException;
import dev.sessionsidecar.platform.PlainText;
import dev.sessionsidecar.session.CurrentSession;
import dev.sessionsidecar.session.ProjectView;
import dev.sessionsidecar.session.SessionIds;
import dev.sessionsidecar.session.SessionService;
import dev.sessionsidecar.session.ToolCallService;
import dev.sessionsidecar.usage.UsageService;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;
import org.jboss.logging.Logger;

/**
 * Stores what the telemetry mapped to, item by item, so one bad item never fails its batch: a
 * session the sidecar has not seen is started in the active project; an item that cannot be stored
 * is counted as rejected with the first reason; a tool result without the hooks' id, or a prompt,
 * is skipped in a session the hooks feed (they recorded it already). Tool calls are recorded as
 * telemetry's reports: a hook's report of the same call wins over their names and arguments.
 */
@ApplicationScoped
class OtlpRecorder {

  static final String CLIENT = "otlp";
  private static final Logger LOG = Logger.getLogger(OtlpRecorder.class);

  private final UsageService usage;
  private final ToolCallService toolCalls;
  private final SessionService sessions;
  private final CurrentSession current;

  OtlpRecorder(
      UsageService usage,
      ToolCallService toolCalls,
      SessionService sessions,
      CurrentSession current) {
    this.usage = usage;
    this.toolCalls = toolCalls;
    this.sessions = sessions;
    this.current = current;
  }

  /** How a batch went: items stored, items rejected and why the first one was. */
  record Outcome(int stored, int rejected, String firstError) {}

  Outcome store(List<Mapped> items) {
    int stored = 0;
    List<String> errors = new ArrayList<>();
    for (Mapped item : items) {
      if (item instanceof Mapped.Rejected rejected) {
        errors.add(rejected.reason());
        continue;
      }
      try {
        String session = knownSession(item.sessionId());
        if (item instanceof Mapped.Usage u) {
          usage.record(u.record().withSessionId(session));
        } else if (item instanceof Mapped.ToolUse t) {
          toolCalls.recordFromTelemetry(required(session), t.call());
        } else if (item instanceof Mapped.UnmatchedToolUse t
            && !fedByHooks(required(session), t.hookClient())) {
          toolCalls.recordFromTelemetry(session, t.call());
        } else if (item instanceof Mapped.Prompt p
            && !fedByHooks(required(session), p.hookClient())) {
          sessions.recordPrompt(session);
        }
        stored++;
      } catch (ApiException | IllegalArgumentException e) {
        errors.add(e.getMessage());
      }
    }
    return new Outcome(stored, errors.size(), errors.isEmpty() ? null : errors.get(0));
  }

  /** Whether the session is fed by the hooks of this client (they report the same signal). */
  private boolean fedByHooks(String session, String hookClient) {
    return hookClient.equals(sessions.get(session).client());
  }

  private static String required(String session) {
    if (session == null) {
      throw new IllegalArgumentException(
          "a tool call needs a session: set gen_ai.conversation.id or session.id, and start a"
              + " session or a project first");
    }
    return session;
  }

  /** The session id if it is usable: known, or started now in the active project. */
  private String knownSession(String id) {
    if (id == null) {
      return null;
    }
    if (!SessionIds.isValid(id)) {
      // Charged to the current session instead, it would count where it did not happen.
      throw new IllegalArgumentException(
          "the session id "
              + PlainText.oneLine(id, 60)
              + " is not usable ("
              + SessionIds.RULE
              + "); nothing was recorded for it");
    }
    if (sessions.exists(id)) {
      return id;
    }
    String project = current.activeProject().map(ProjectView::path).orElse(null);
    if (project == null) {
      return null;
    }
    if (sessions.startIfUnseen(id, project, CLIENT)) {
      LOG.warnf(
          "Session %s was started from telemetry: no hook event named it first. If the agent's"
              + " hooks are installed, they did not reach the sidecar (Codex runs a hook only once"
              + " it is trusted: review it with /hooks; a hook's URL must be this sidecar's).",
          id);
    }
    return id;
  }
}
