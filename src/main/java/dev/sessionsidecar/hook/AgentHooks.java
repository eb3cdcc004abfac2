package dev.sessionsidecar.hook;

import dev.sessionsidecar.platform.ApiException;
import dev.sessionsidecar.platform.ProblemCode;
import dev.sessionsidecar.session.CurrentSession;
import dev.sessionsidecar.session.SessionService;
import dev.sessionsidecar.session.StartSessionRequest;
import dev.sessionsidecar.task.AgentTaskList;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Set;

/**
 * Turns hook events of Claude Code (and of Codex, which sends the same shapes) into sessions, tool
 * calls and tasks: SessionStart starts or resumes, the tool events make tool calls ({@link
 * HookToolCalls}), UserPromptSubmit counts a prompt, TaskCreated and TaskCompleted mirror the
 * agent's task list, SessionEnd ends, the rest bump activity. A session the sidecar has not seen
 * yet (hooks added mid-session) is started from the first event that names it.
 */
@ApplicationScoped
class AgentHooks {

  private static final Set<String> SOURCES =
      Set.of("startup", "resume", "clear", "compact", "fork");
  private static final Set<String> ACTIVITY =
      Set.of("Stop", "SubagentStart", "SubagentStop", "Notification", "PreCompact");

  private final SessionService sessions;
  private final CurrentSession current;
  private final HookToolCalls toolCalls;
  private final AgentTaskList taskList;

  AgentHooks(
      SessionService sessions,
      CurrentSession current,
      HookToolCalls toolCalls,
      AgentTaskList taskList) {
    this.sessions = sessions;
    this.current = current;
    this.toolCalls = toolCalls;
    this.taskList = taskList;
  }

  /** Applies one event; unknown events change nothing. */
  void apply(HookEvent event) {
    String name = event.name();
    if (name == null) {
      throw ApiException.invalidArgument("hook_event_name", "is required, e.g. PostToolUse");
    }
    String sessionId = event.sessionId();
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
    String mode = event.text("permission_mode", 40);
    if (mode != null) {
      sessions.recordPermissionMode(sessionId, mode);
    }
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

  private void start(HookEvent event, String sessionId) {
    boolean known = sessions.exists(sessionId);
    String source = event.text("source", 20);
    sessions.start(
        StartSessionRequest.forClient(
                sessionId, known ? null : event.text("cwd", 1024), event.client())
            .withSource(source != null && SOURCES.contains(source) ? source : null));
  }

  /** An event that records nothing of its own (or nothing new) but shows the session active. */
  private void activity(HookEvent event, String sessionId, Runnable first) {
    known(event, sessionId);
    first.run();
    QuarkusTransaction.requiringNew().run(() -> current.recordActivity(sessionId));
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
        new AgentTaskList.Entry(
            sessionId,
            event.required("task_id", 200),
            event.text("task_subject", 500),
            event.text("task_description", 1000));
    known(event, sessionId);
    if (done) {
      taskList.completed(entry);
    } else {
      taskList.created(entry);
    }
  }

  private void end(HookEvent event, String sessionId) {
    known(event, sessionId);
    String reason = event.text("reason", 100);
    sessions.end(
        sessionId, null, event.client() + " session ended" + (reason == null ? "" : ": " + reason));
  }

  /** Starts the session from this event when the sidecar has not seen it yet. */
  private void known(HookEvent event, String sessionId) {
    try {
      sessions.startIfUnseen(sessionId, event.text("cwd", 1024), event.client());
    } catch (ApiException e) {
      if (e.code() != ProblemCode.INVALID_ARGUMENT) {
        throw e;
      }
      throw ApiException.invalidArgument(
          "cwd", "is required to start session " + sessionId + ", which the sidecar has not seen");
    }
  }
}
