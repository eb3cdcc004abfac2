package dev.sessionsidecar.session;

import dev.sessionsidecar.platform.ApiException;
import dev.sessionsidecar.platform.InstanceIdentity;
import dev.sessionsidecar.platform.ProblemCode;
import dev.sessionsidecar.platform.RacedInserts;
import dev.sessionsidecar.platform.SidecarConfig;
import dev.sessionsidecar.platform.Timestamps;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;

/** Starts, resumes and ends sessions, and reads one by id; {@link SessionQueries} lists them. */
@ApplicationScoped
public class SessionService {

  private final SidecarConfig config;
  private final Timestamps time;
  private final SessionSummaries summaries;
  private final InstanceIdentity instance;

  SessionService(
      SidecarConfig config,
      Timestamps time,
      SessionSummaries summaries,
      InstanceIdentity instance) {
    this.instance = instance;
    this.config = config;
    this.time = time;
    this.summaries = summaries;
  }

  /** The outcome of a start: the session, and whether it was created or resumed. */
  public record Started(SessionView session, boolean created) {}

  /**
   * Starts a new session or resumes an existing one. Two clients starting the same new id at once
   * collide on the primary key; the loser retries and resumes what the winner created.
   */
  public Started start(StartSessionRequest request) {
    StartSessionRequest body = request == null ? StartSessionRequest.EMPTY : request;
    return RacedInserts.inNewTransaction(() -> startHere(body));
  }

  /**
   * {@link #start} in the caller's transaction, whose unit of work is then retried whole when two
   * writers race to create the same session ({@link RacedInserts}).
   */
  @Transactional(Transactional.TxType.MANDATORY)
  public Started startHere(StartSessionRequest request) {
    return startHere(request, time.now());
  }

  private Started startHere(StartSessionRequest request, Instant now) {
    String id = request.sessionId() != null ? request.sessionId() : UUID.randomUUID().toString();
    AgentSession existing = AgentSession.findById(id, LockModeType.PESSIMISTIC_WRITE);
    if (existing != null) {
      requireSameProject(existing, request);
      applyOptionalFields(existing, request);
      stampPod(existing);
      existing.activate(now);
      return new Started(SessionView.of(existing), false);
    }
    AgentSession session = new AgentSession();
    session.id = id;
    session.project = projectFor(request, now);
    session.startedAt = now;
    session.activate(now);
    applyOptionalFields(session, request);
    stampPod(session);
    session.persistAndFlush();
    return new Started(SessionView.of(session), true);
  }

  /** Records where the session runs now: a resumed session may have moved to another pod. */
  private void stampPod(AgentSession session) {
    session.instanceId = instance.id();
    session.podName = config.podName().orElse(null);
    session.podNamespace = config.podNamespace().orElse(null);
    session.nodeName = config.nodeName().orElse(null);
    session.podUid = config.podUid().orElse(null);
  }

  private static void requireSameProject(AgentSession existing, StartSessionRequest request) {
    if (request.projectPath() != null && !request.projectPath().equals(existing.project.path)) {
      throw new ApiException(
          ProblemCode.CONFLICT,
          "Session "
              + existing.id
              + " belongs to project "
              + existing.project.path
              + ": resume it without project_path or with that path, or start a new session id.");
    }
  }

  private static void applyOptionalFields(AgentSession session, StartSessionRequest request) {
    if (request.source() != null) {
      session.source = request.source();
    }
    if (request.resumedFrom() != null) {
      session.resumedFrom = request.resumedFrom();
    }
    if (request.branch() != null) {
      session.branch = request.branch();
    }
    if (request.client() != null) {
      session.client = request.client();
    }
  }

  private Project projectFor(StartSessionRequest request, Instant now) {
    String path =
        request.projectPath() != null ? request.projectPath() : config.project().orElse(null);
    if (path == null) {
      throw ApiException.invalidArgument(
          "project_path", "is required: this sidecar has no sidecar.project configured");
    }
    return Projects.stored(path, request.projectName(), now);
  }

  /** Ends a session; without a summary the sidecar writes a factual one. */
  @Transactional
  public SessionView end(String id, EndSessionRequest request) {
    return end(id, request == null ? null : request.summary(), "ended by client");
  }

  /** Ends a session with the given reason; a null summary is written by the sidecar. */
  @Transactional
  public SessionView end(String id, String summary, String reason) {
    AgentSession session = lockedOrNotFound(id);
    session.end(
        summary != null ? summary : summaries.describe(session, time.now()), reason, time.now());
    return SessionView.of(session);
  }

  /**
   * The first step of an intake event's unit of work, in the caller's transaction: the session it
   * names, locked for the rest of the event (so its other writes read no further copy of it), or,
   * when the sidecar has not seen it, started in the project at {@code projectPath} for {@code
   * client} (the path is asked for only then; null: a 400 naming {@code pathField}).
   */
  @Transactional(Transactional.TxType.MANDATORY)
  public Started lockedOrStarted(
      String sessionId, Supplier<String> projectPath, String client, String pathField) {
    return lockedOrStarted(sessionId, projectPath, client, pathField, time.now());
  }

  /**
   * The same for a session read from a record of the past (an agent's transcript): started, when it
   * is new, at {@code startedAt}, so that a session from before the sidecar does not become the
   * current one by being read now.
   */
  @Transactional(Transactional.TxType.MANDATORY)
  public Started lockedOrStarted(
      String sessionId,
      Supplier<String> projectPath,
      String client,
      String pathField,
      Instant startedAt) {
    AgentSession session =
        AgentSession.findById(checkedId(sessionId), LockModeType.PESSIMISTIC_WRITE);
    if (session != null) {
      return new Started(SessionView.of(session), false);
    }
    String path = projectPath.get();
    if (path == null) {
      throw ApiException.invalidArgument(
          pathField,
          "is required to start session " + sessionId + ", which the sidecar has not seen");
    }
    return startHere(StartSessionRequest.forClient(sessionId, path, client), startedAt);
  }

  /**
   * A failure that stopped the session's turn (an API error): its last error, and one more error.
   */
  @Transactional
  public void recordFailure(String sessionId, String error) {
    lockedOrNotFound(sessionId).recordFailure(error, time.now());
  }

  /** A prompt given to the session: counted, and the session is active. */
  @Transactional
  public void recordPrompt(String sessionId) {
    lockedOrNotFound(sessionId).recordPrompt(time.now());
  }

  /** The summary of the session's latest context compaction. */
  @Transactional
  public void recordCompaction(String sessionId, String summary) {
    AgentSession session = lockedOrNotFound(sessionId);
    session.compactSummary = summary;
    session.recordActivity(time.now());
  }

  /**
   * The permission mode the client reports for the session, kept when it changes; a session the
   * sidecar does not know is left alone.
   */
  @Transactional
  public void recordPermissionMode(String sessionId, String mode) {
    AgentSession session = AgentSession.findById(sessionId);
    if (session != null && !mode.equals(session.permissionMode)) {
      session.permissionMode = mode;
    }
  }

  /** The session with this id, if it is stored. */
  @Transactional
  public Optional<SessionView> find(String id) {
    return AgentSession.<AgentSession>findByIdOptional(checkedId(id)).map(SessionView::of);
  }

  @Transactional
  public SessionView get(String id) {
    return SessionView.of(findOrNotFound(id));
  }

  AgentSession findOrNotFound(String id) {
    AgentSession session = AgentSession.findById(checkedId(id));
    if (session == null) {
      throw notFound(id);
    }
    return session;
  }

  AgentSession lockedOrNotFound(String id) {
    AgentSession session = AgentSession.findById(checkedId(id), LockModeType.PESSIMISTIC_WRITE);
    if (session == null) {
      throw notFound(id);
    }
    return session;
  }

  private static String checkedId(String id) {
    if (!SessionIds.isValid(id)) {
      throw ApiException.invalidArgument("session_id", SessionIds.RULE);
    }
    return id;
  }

  private static ApiException notFound(String id) {
    return ApiException.notFound(
        "No session "
            + id
            + ": start it with POST /v1/sessions, or list sessions with GET"
            + " /v1/sessions.");
  }

  /**
   * Deletes ended sessions (completed or closed for idling) without activity since the cutoff, with
   * their tool calls; their usage records stay, no longer tied to a session.
   */
  @Transactional
  public long purgeEndedBefore(Instant cutoff) {
    return AgentSession.deleteEndedBefore(cutoff);
  }
}
