package dev.sessionsidecar.session;

import dev.sessionsidecar.platform.ApiException;
import dev.sessionsidecar.platform.Instance;
import dev.sessionsidecar.platform.Page;
import dev.sessionsidecar.platform.ProblemCode;
import dev.sessionsidecar.platform.SidecarConfig;
import dev.sessionsidecar.platform.Timestamps;
import io.quarkus.hibernate.orm.panache.PanacheQuery;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.hibernate.exception.ConstraintViolationException;

/** Starts, resumes, ends and finds sessions, and knows which session and project are current. */
@ApplicationScoped
public class SessionService {

  private final SidecarConfig config;
  private final Timestamps time;
  private final SessionSummaries summaries;
  private final Instance instance;

  SessionService(
      SidecarConfig config, Timestamps time, SessionSummaries summaries, Instance instance) {
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
    try {
      return QuarkusTransaction.requiringNew().call(() -> startInTransaction(body));
    } catch (ConstraintViolationException raced) {
      return QuarkusTransaction.requiringNew().call(() -> startInTransaction(body));
    }
  }

  private Started startInTransaction(StartSessionRequest request) {
    Instant now = time.now();
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

  /** Whether a session with this id is stored. */
  @Transactional
  public boolean exists(String id) {
    return AgentSession.findById(checkedId(id)) != null;
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
    return AgentSession.delete(
        "status <> ?1 and lastActivityAt < ?2", SessionStatus.ACTIVE, cutoff);
  }

  /** The newest sessions by last activity, of one project (or of all when the path is null). */
  @Transactional
  public List<SessionView> recent(String projectPath, int limit) {
    // No tie-breaker: activity times are strictly increasing, and the index on
    // (project_id, last_activity_at) then serves the order without a sort.
    Sort newest = Sort.descending("lastActivityAt");
    PanacheQuery<AgentSession> query =
        projectPath == null
            ? AgentSession.findAll(newest)
            : AgentSession.find("project.path", newest, projectPath);
    return query.range(0, limit - 1).list().stream().map(SessionView::of).toList();
  }

  /** Sessions, newest activity first, optionally of one project and status and active since. */
  @Transactional
  public Page<SessionView> list(SessionFilter filter, int limit, int offset) {
    Parameters params = new Parameters();
    PanacheQuery<AgentSession> query =
        AgentSession.find(
            filter.where(params),
            Sort.descending("lastActivityAt").and("id", Sort.Direction.Descending),
            params);
    var items =
        query.range(offset, offset + limit - 1).list().stream().map(SessionView::of).toList();
    return new Page<>(items, query.count(), limit, offset);
  }

  /** How many sessions the filter matches, and their tool calls and errors summed. */
  public record Totals(long sessions, long toolCalls, long errors) {}

  /** The totals of the sessions {@link #list} would list, in one aggregate query. */
  @Transactional
  public Totals totals(SessionFilter filter) {
    Parameters params = new Parameters();
    var query =
        AgentSession.getEntityManager()
            .createQuery(
                "select count(s), coalesce(sum(s.toolCallCount), 0), coalesce(sum(s.errorCount), 0)"
                    + " from AgentSession s where "
                    + filter.where(params),
                Object[].class);
    params.map().forEach(query::setParameter);
    Object[] row = query.getSingleResult();
    return new Totals(
        ((Number) row[0]).longValue(),
        ((Number) row[1]).longValue(),
        ((Number) row[2]).longValue());
  }

  /** The stored ids of the projects the filter's sessions worked in. */
  @Transactional
  public List<Long> projectIds(SessionFilter filter) {
    Parameters params = new Parameters();
    var query =
        AgentSession.getEntityManager()
            .createQuery(
                "select distinct s.project.id from AgentSession s where " + filter.where(params),
                Long.class);
    params.map().forEach(query::setParameter);
    return query.getResultList();
  }
}
