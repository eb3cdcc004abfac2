package dev.sessionsidecar.otlp;

import dev.sessionsidecar.platform.ApiException;
import dev.sessionsidecar.platform.PlainText;
import dev.sessionsidecar.platform.RacedInserts;
import dev.sessionsidecar.session.ProjectView;
import dev.sessionsidecar.session.Projects;
import dev.sessionsidecar.session.SessionIds;
import dev.sessionsidecar.session.SessionService;
import dev.sessionsidecar.session.SessionView;
import dev.sessionsidecar.session.ToolCallService;
import dev.sessionsidecar.usage.RecordUsageRequest;
import dev.sessionsidecar.usage.UsageService;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jboss.logging.Logger;

/**
 * Stores what the telemetry of one request mapped to, as few units of work as it takes: each
 * session it names is found (or, unseen, started in the active project) once; its usage records go
 * in one write; its tool calls and prompts in one transaction. One bad item never fails its batch:
 * it is counted as rejected with the first reason (checked before the write, or found by storing
 * the items one by one when the transaction refused one). A tool result without the hooks' id, or a
 * prompt, is skipped in a session the hooks feed (they recorded it already). Tool calls are
 * recorded as telemetry's reports: a hook's report of the same call wins over their names and
 * arguments.
 */
@ApplicationScoped
class OtlpRecorder {

  static final String CLIENT = "otlp";
  private static final Logger LOG = Logger.getLogger(OtlpRecorder.class);

  private final UsageService usage;
  private final ToolCallService toolCalls;
  private final SessionService sessions;
  private final Projects projects;

  OtlpRecorder(
      UsageService usage, ToolCallService toolCalls, SessionService sessions, Projects projects) {
    this.usage = usage;
    this.toolCalls = toolCalls;
    this.sessions = sessions;
    this.projects = projects;
  }

  /** How a batch went: items stored, items rejected and why the first one was. */
  record Outcome(int stored, int rejected, String firstError) {}

  /** An item to store, with the session it belongs to (null: none known). */
  private record Owned(Mapped item, SessionView session) {}

  Outcome store(List<Mapped> items) {
    List<String> errors = new ArrayList<>();
    Map<String, Optional<SessionView>> known = new HashMap<>();
    List<RecordUsageRequest> calls = new ArrayList<>();
    List<Owned> others = new ArrayList<>();
    for (Mapped item : items) {
      try {
        if (item instanceof Mapped.Rejected rejected) {
          throw new IllegalArgumentException(rejected.reason());
        }
        SessionView session = known.computeIfAbsent(item.sessionId(), this::session).orElse(null);
        if (item instanceof Mapped.Usage u) {
          String id = session == null ? null : session.sessionId();
          calls.add(usage.checked(u.record().withSessionId(id)));
        } else {
          others.add(new Owned(item, required(session)));
        }
      } catch (ApiException | IllegalArgumentException e) {
        errors.add(e.getMessage());
      }
    }
    if (!calls.isEmpty()) {
      usage.recordChecked(calls);
    }
    int stored = calls.size() + storeOthers(others, errors);
    return new Outcome(stored, errors.size(), errors.isEmpty() ? null : errors.get(0));
  }

  /** Tool calls and prompts in one transaction; if it refuses one, each in its own. */
  private int storeOthers(List<Owned> others, List<String> errors) {
    if (others.isEmpty()) {
      return 0;
    }
    try {
      QuarkusTransaction.requiringNew().run(() -> others.forEach(this::storeOne));
      return others.size();
    } catch (ApiException | IllegalArgumentException refused) {
      int stored = 0;
      for (Owned one : others) {
        try {
          QuarkusTransaction.requiringNew().run(() -> storeOne(one));
          stored++;
        } catch (ApiException | IllegalArgumentException e) {
          errors.add(e.getMessage());
        }
      }
      return stored;
    }
  }

  /** One item; a tool result or prompt that the session's hooks report too is skipped. */
  private void storeOne(Owned owned) {
    String session = owned.session().sessionId();
    String client = owned.session().client();
    if (owned.item() instanceof Mapped.ToolUse t) {
      toolCalls.recordFromTelemetry(session, t.call());
    } else if (owned.item() instanceof Mapped.UnmatchedToolUse t) {
      if (!t.hookClient().equals(client)) {
        toolCalls.recordFromTelemetry(session, t.call());
      }
    } else if (owned.item() instanceof Mapped.Prompt p && !p.hookClient().equals(client)) {
      sessions.recordPrompt(session);
    }
  }

  private static SessionView required(SessionView session) {
    if (session == null) {
      throw new IllegalArgumentException(
          "a tool call needs a session: set gen_ai.conversation.id or session.id, and start a"
              + " session or a project first");
    }
    return session;
  }

  /** The session an id names if it is usable: known, or started now in the active project. */
  private Optional<SessionView> session(String id) {
    if (id == null) {
      return Optional.empty();
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
    Optional<SessionService.Started> found =
        RacedInserts.inNewTransaction(() -> knownOrStarted(id));
    if (found.isPresent() && found.get().created()) {
      LOG.warnf(
          "Session %s was started from telemetry: no hook event named it first. If the agent's"
              + " hooks are installed, they did not reach the sidecar (Codex runs a hook only once"
              + " it is trusted: review it with /hooks; a hook's URL must be this sidecar's).",
          id);
    }
    return found.map(SessionService.Started::session);
  }

  private Optional<SessionService.Started> knownOrStarted(String id) {
    Optional<SessionView> seen = sessions.find(id);
    if (seen.isPresent()) {
      return Optional.of(new SessionService.Started(seen.get(), false));
    }
    return projects
        .active()
        .map(ProjectView::path)
        .map(path -> sessions.lockedOrStarted(id, () -> path, CLIENT, "session.id"));
  }
}
