package dev.sessionsidecar.hook;

import dev.sessionsidecar.platform.ApiException;
import dev.sessionsidecar.platform.ProblemCode;
import dev.sessionsidecar.session.CurrentSession;
import dev.sessionsidecar.session.SessionService;
import dev.sessionsidecar.session.SessionView;
import dev.sessionsidecar.session.StartSessionRequest;
import dev.sessionsidecar.task.AgentTaskList;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.List;
import java.util.Set;

/**
 * Turns hook events of Claude Code (and of Codex, which sends the same shapes) into sessions, tool
 * calls and tasks: SessionStart starts or resumes, the tool events make tool calls ({@link
 * HookToolCalls}), UserPromptSubmit counts a prompt, TaskCreated and TaskCompleted mirror the
 * agent's task list, SessionEnd ends, the rest bump activity. Each event is one unit of work in the
 * caller's transaction: the session is found (or, when the sidecar has not seen it yet because
 * hooks were added mid-session, started) and locked once, first, and everything else writes to it.
 */
@ApplicationScoped
class AgentHooks {

  private static final Set<String> SOURCES =
      Set.of("startup", "resume", "clear", "compact", "fork");
  private static final Set<String> ACTIVITY =
      Set.of("Stop", "SubagentStart", "SubagentStop", "Notification", "PreCompact");

  /** The longest permission mode: the modes are single words. */
  static final int MAX_PERMISSION_MODE = 40;

  private final SessionService sessions;
  private final CurrentSession current;
  private final HookToolCalls toolCalls;
  private final AgentTaskList taskList;
  private final HookChecks checks;

  AgentHooks(
      SessionService sessions,
      CurrentSession current,
      HookToolCalls toolCalls,
      AgentTaskList taskList,
      HookChecks checks) {
    this.sessions = sessions;
    this.current = current;
    this.toolCalls = toolCalls;
    this.taskList = taskList;
    this.checks = checks;
  }

  /** Applies one event; unknown events change nothing. */
  @Transactional(Transactional.TxType.MANDATORY)
  void apply(HookEvent event) {
    String name = event.name();
    String sessionId = event.sessionId();
    String mode = permissionMode(event);
    switch (name) {
      case "SessionStart" -> start(event, sessionId);
      case "PreToolUse" -> activity(event, sessionId, () -> toolCalls.announced(event));
      case "PostToolUse" -> toolCall(event, sessionId, true);
      case "PostToolUseFailure" -> toolCall(event, sessionId, false);
      case "PostToolBatch" -> {
        List<HookEvent> entries = HookToolCalls.batchEntries(event);
        activity(event, sessionId, () -> toolCalls.batch(event, sessionId, entries));
      }
      case "TaskCreated" -> taskList(event, sessionId, false);
      case "TaskCompleted" -> taskList(event, sessionId, true);
      case "UserPromptSubmit" -> prompt(event, sessionId);
      case "SessionEnd" -> end(event, sessionId);
      case "StopFailure" -> stopFailure(event, sessionId);
      case "PostCompact" -> postCompact(event, sessionId);
      default -> {
        if (ACTIVITY.contains(name)) {
          activity(event, sessionId, () -> {});
        }
      }
    }
    if (mode != null) {
      sessions.recordPermissionMode(sessionId, mode);
    }
  }

  private static String permissionMode(HookEvent event) {
    String mode = event.text("permission_mode");
    if (mode != null && (mode.length() > MAX_PERMISSION_MODE || !mode.equals(mode.strip()))) {
      throw ApiException.invalidArgument(
          "permission_mode", "must be a mode such as default or plan: at most 40 characters");
    }
    return mode;
  }

  /** A turn that ended on an API error: the session shows it and counts one more error. */
  private void stopFailure(HookEvent event, String sessionId) {
    known(event, sessionId);
    String error = event.summary("error", 1000);
    String details = event.summary("error_details", 2900);
    sessions.recordFailure(
        sessionId, (error == null ? "failed" : error) + (details == null ? "" : ": " + details));
  }

  /** A compaction: its summary is kept as the session's latest. */
  private void postCompact(HookEvent event, String sessionId) {
    known(event, sessionId);
    String summary = event.summary("compact_summary", 4000);
    if (summary != null) {
      sessions.recordCompaction(sessionId, summary);
    }
  }

  /**
   * A start or a resume. A session started or resumed from a directory outside its project is a
   * 409, as on {@code POST /v1/sessions}: it stays in its project, and the agent's user reads why.
   * A clear or a compaction keeps the session wherever the agent's shell has moved since.
   */
  private void start(HookEvent event, String sessionId) {
    String cwd = event.text("cwd");
    String said = event.text("source");
    String source = said != null && SOURCES.contains(said) ? said : null;
    StartSessionRequest request =
        checks.valid(
            StartSessionRequest.forClient(sessionId, cwd, event.client()).withSource(source));
    SessionService.Started found =
        sessions.lockedOrStarted(sessionId, () -> cwd, event.client(), "cwd");
    boolean moves = source == null || source.equals("startup") || source.equals("resume");
    if (!found.created() && moves && cwd != null) {
      requireInside(cwd, found.session());
    }
    sessions.startHere(request.withoutProject());
  }

  private static void requireInside(String cwd, SessionView session) {
    String project = session.project().path();
    String root = project.endsWith("/") ? project : project + "/";
    if (!cwd.equals(project) && !cwd.startsWith(root)) {
      throw new ApiException(
          ProblemCode.CONFLICT,
          "Session "
              + session.sessionId()
              + " belongs to project "
              + project
              + " and was resumed from "
              + cwd
              + ", outside it; nothing was recorded. Resume it from "
              + project
              + ", or start a new session there.");
    }
  }

  /** An event that records nothing of its own (or nothing new) but shows the session active. */
  private void activity(HookEvent event, String sessionId, Runnable first) {
    known(event, sessionId);
    first.run();
    current.recordActivity(sessionId);
  }

  /** A prompt: counted here, the one source of prompts in a session its hooks feed. */
  private void prompt(HookEvent event, String sessionId) {
    known(event, sessionId);
    sessions.recordPrompt(sessionId);
  }

  /** A recorded tool call makes the session active by itself. */
  private void toolCall(HookEvent event, String sessionId, boolean ok) {
    known(event, sessionId);
    toolCalls.finished(event, sessionId, ok);
  }

  /** Claude Code's own task list: each entry is an external task of the session. */
  private void taskList(HookEvent event, String sessionId, boolean done) {
    AgentTaskList.Entry entry =
        checks.valid(
            new AgentTaskList.Entry(
                sessionId,
                event.text("task_id"),
                event.summary("task_subject", AgentTaskList.Entry.MAX_SUBJECT),
                event.summary("task_description", AgentTaskList.Entry.MAX_DESCRIPTION)));
    known(event, sessionId);
    if (done) {
      taskList.completed(entry);
    } else {
      taskList.created(entry);
    }
  }

  private void end(HookEvent event, String sessionId) {
    known(event, sessionId);
    String reason = event.summary("reason", 100);
    sessions.end(
        sessionId, null, event.client() + " session ended" + (reason == null ? "" : ": " + reason));
  }

  /**
   * The event's first write: its session, locked, or started from this event in the project at its
   * {@code cwd} when the sidecar has not seen it yet.
   */
  private void known(HookEvent event, String sessionId) {
    String cwd = event.text("cwd");
    if (cwd != null) {
      checks.valid(StartSessionRequest.forClient(sessionId, cwd, event.client()));
    }
    sessions.lockedOrStarted(sessionId, () -> cwd, event.client(), "cwd");
  }
}
