package dev.sessionsidecar.hook;

import com.fasterxml.jackson.databind.JsonNode;
import dev.sessionsidecar.platform.ApiException;
import dev.sessionsidecar.platform.ProblemCode;
import dev.sessionsidecar.platform.Timestamps;
import dev.sessionsidecar.session.CurrentSession;
import dev.sessionsidecar.session.RecordToolCallRequest;
import dev.sessionsidecar.session.SessionService;
import dev.sessionsidecar.session.StartSessionRequest;
import dev.sessionsidecar.session.ToolCallService;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;

/**
 * Turns hook events of Claude Code (and of Codex, which sends the same shapes) into sessions and
 * tool calls: SessionStart starts or resumes, PreToolUse and PostToolUse(Failure) make one tool
 * call (paired by tool_use_id, idempotent), SessionEnd ends, the rest bump activity. A session the
 * sidecar has not seen yet (hooks added mid-session) is started from the first event that names it.
 */
@ApplicationScoped
class AgentHooks {

  private static final Set<String> SOURCES =
      Set.of("startup", "resume", "clear", "compact", "fork");
  private static final Set<String> ACTIVITY =
      Set.of(
          "UserPromptSubmit",
          "Stop",
          "SubagentStart",
          "SubagentStop",
          "Notification",
          "PreCompact");

  private final SessionService sessions;
  private final CurrentSession current;
  private final ToolCallService toolCalls;
  private final PendingToolUses pending;
  private final Timestamps time;

  AgentHooks(
      SessionService sessions,
      CurrentSession current,
      ToolCallService toolCalls,
      PendingToolUses pending,
      Timestamps time) {
    this.sessions = sessions;
    this.current = current;
    this.toolCalls = toolCalls;
    this.pending = pending;
    this.time = time;
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
      case "PreToolUse" -> preToolUse(event, sessionId);
      case "PostToolUse" -> postToolUse(event, sessionId, true);
      case "PostToolUseFailure" -> postToolUse(event, sessionId, false);
      case "SessionEnd" -> end(event, sessionId);
      case "StopFailure" -> stopFailure(event, sessionId);
      case "PostCompact" -> postCompact(event, sessionId);
      default -> {
        if (ACTIVITY.contains(name)) {
          known(event, sessionId);
          QuarkusTransaction.requiringNew().run(() -> current.recordActivity(sessionId));
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

  private void preToolUse(HookEvent event, String sessionId) {
    known(event, sessionId);
    String toolUseId = event.text("tool_use_id", 200);
    if (toolUseId != null) {
      pending.started(toolUseId, time.now());
    }
    QuarkusTransaction.requiringNew().run(() -> current.recordActivity(sessionId));
  }

  private void postToolUse(HookEvent event, String sessionId, boolean ok) {
    known(event, sessionId);
    String toolUseId = event.text("tool_use_id", 200);
    Instant now = time.now();
    Instant started = toolUseId == null ? null : pending.finished(toolUseId);
    Long duration = event.number("duration_ms");
    if (duration == null && started != null) {
      duration = Duration.between(started, now).toMillis();
    }
    String tool = event.text("tool_name", 200);
    toolCalls.record(
        sessionId,
        new RecordToolCallRequest(
            toolUseId,
            tool == null ? "unknown" : tool,
            event.node("tool_input"),
            ok,
            ok ? null : errorOf(event),
            ok ? event.summary("tool_response", 2000) : null,
            duration,
            started,
            agentOf(event),
            event.text("prompt_id", 200)));
  }

  /** The subagent a tool event came from (its type, else its id); null for the main agent. */
  private static String agentOf(HookEvent event) {
    String type = event.text("agent_type", 200);
    return type != null ? type : event.text("agent_id", 200);
  }

  private static String errorOf(HookEvent event) {
    String error = event.summary("error", 4000);
    JsonNode interrupted = event.node("is_interrupt");
    if (interrupted != null && interrupted.asBoolean()) {
      return error == null ? "interrupted" : "interrupted: " + error;
    }
    return error == null ? "failed" : error;
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
