package dev.sessionsidecar.session;

import dev.sessionsidecar.platform.InstanceIdentity;
import dev.sessionsidecar.platform.SidecarConfig;
import dev.sessionsidecar.platform.StoreSelection;
import dev.sessionsidecar.platform.Timestamps;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Optional;

/**
 * Knows which session is current (the one most recently started or resumed, while active) and
 * attributes other features' records to it; {@link Projects} answers which project is active.
 */
@ApplicationScoped
public class CurrentSession {

  private final SidecarConfig config;
  private final Timestamps time;
  private final SessionService sessions;
  private final InstanceIdentity instance;
  private final boolean shared;

  CurrentSession(
      SidecarConfig config,
      Timestamps time,
      SessionService sessions,
      InstanceIdentity instance,
      StoreSelection store) {
    this.instance = instance;
    this.shared = store.store().shared();
    this.config = config;
    this.time = time;
    this.sessions = sessions;
  }

  /** Where a record of activity belongs: a session (when there is one) and a project. */
  public record Owner(String sessionId, Long projectId) {}

  /**
   * Finds the session a record belongs to (the named one, else the current one), bumps its activity
   * and answers it with its project; without a session, the configured project's id if it is known.
   * Runs in the caller's transaction.
   */
  @Transactional(Transactional.TxType.MANDATORY)
  public Owner recordActivity(String sessionId) {
    return recordActivity(sessionId, time.now());
  }

  /** The same for activity that happened at {@code at} (a record read from the past). */
  @Transactional(Transactional.TxType.MANDATORY)
  public Owner recordActivity(String sessionId, Instant at) {
    AgentSession session =
        sessionId != null
            ? sessions.lockedOrNotFound(sessionId)
            : latestActivated()
                .filter(s -> s.status == SessionStatus.ACTIVE)
                .map(s -> AgentSession.<AgentSession>findById(s.id, LockModeType.PESSIMISTIC_WRITE))
                .orElse(null);
    if (session == null) {
      return new Owner(null, config.project().flatMap(Project::byPath).map(p -> p.id).orElse(null));
    }
    session.recordActivity(at);
    return new Owner(session.id, session.project.id);
  }

  /**
   * Adds an LLM call to its session's running spend (cost null when unknown); in the caller's
   * transaction, where {@link #recordActivity} locked the session.
   */
  @Transactional(Transactional.TxType.MANDATORY)
  public void charge(String sessionId, BigDecimal costUsd, long tokens) {
    AgentSession.<AgentSession>findById(sessionId).charge(costUsd, tokens);
  }

  /**
   * Moves an LLM call already charged to the session from its cost {@code before} to {@code after}
   * (null: unknown), when a later report of the call told its cost.
   */
  @Transactional(Transactional.TxType.MANDATORY)
  public void recharge(String sessionId, BigDecimal before, BigDecimal after) {
    AgentSession.<AgentSession>findById(sessionId, LockModeType.PESSIMISTIC_WRITE)
        .recharge(before, after);
  }

  /** The current session: the most recently started or resumed one, while it is active. */
  @Transactional
  public Optional<SessionView> session() {
    return latestActivated().filter(s -> s.status == SessionStatus.ACTIVE).map(SessionView::of);
  }

  /** The most recently started or resumed session, whatever its status. */
  @Transactional
  public Optional<SessionView> latest() {
    return latestActivated().map(SessionView::of);
  }

  /**
   * The current session of another instance on a shared database, as that sidecar's agent sees it.
   */
  @Transactional
  public Optional<SessionView> sessionOf(String instanceId) {
    return latestActivatedBy(instanceId)
        .filter(s -> s.status == SessionStatus.ACTIVE)
        .map(SessionView::of);
  }

  /** The project of the session another instance most recently started or resumed, if any. */
  @Transactional
  public Optional<ProjectView> activeProjectOf(String instanceId) {
    return latestActivatedBy(instanceId).map(s -> ProjectView.of(s.project));
  }

  /**
   * The active project: that of the most recently started session, or else the configured one.
   * Features ask {@link Projects#active}.
   */
  @Transactional
  Optional<ProjectView> activeProject() {
    Optional<AgentSession> latest = latestActivated();
    if (latest.isPresent()) {
      return Optional.of(ProjectView.of(latest.get().project));
    }
    return config
        .project()
        .map(
            path ->
                Project.byPath(path)
                    .map(ProjectView::of)
                    .orElse(new ProjectView(null, path, Projects.defaultName(path))));
  }

  /**
   * The session this sidecar most recently started or resumed. On a shared database other
   * instances' sessions are never this one's current session; on H2 every session in the file is
   * this sidecar's (the data directory is locked to one process), whichever pod wrote it.
   */
  private Optional<AgentSession> latestActivated() {
    return latestActivatedBy(shared ? instance.id() : null);
  }

  /** The session this instance (null: any) most recently started or resumed. */
  private static Optional<AgentSession> latestActivatedBy(String instanceId) {
    Sort newest = Sort.descending("activatedAt").and("id", Sort.Direction.Descending);
    if (instanceId != null) {
      return AgentSession.find("instanceId", newest, instanceId).firstResultOptional();
    }
    return AgentSession.findAll(newest).firstResultOptional();
  }
}
