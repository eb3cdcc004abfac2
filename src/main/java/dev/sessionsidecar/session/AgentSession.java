package dev.sessionsidecar.session;

import dev.sessionsidecar.platform.Conditions;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import io.quarkus.hibernate.orm.panache.PanacheQuery;
import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/** One session of the agent in a project; its status changes only through the methods here. */
@Entity
@Table(name = "agent_session")
public class AgentSession extends PanacheEntityBase {

  @Id public String id;

  @ManyToOne(fetch = FetchType.EAGER, optional = false)
  @JoinColumn(name = "project_id")
  public Project project;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false)
  public SessionStatus status;

  public String source;

  @Column(name = "resumed_from")
  public String resumedFrom;

  public String branch;
  public String client;

  /** The sidecar instance that last started or resumed it: whose current session it may be. */
  @Column(name = "instance_id")
  public String instanceId;

  @Column(name = "pod_name")
  public String podName;

  @Column(name = "pod_namespace")
  public String podNamespace;

  @Column(name = "node_name")
  public String nodeName;

  @Column(name = "pod_uid")
  public String podUid;

  @Column(name = "started_at", nullable = false)
  public Instant startedAt;

  /** When the session was last started or resumed: the newest one is the current session. */
  @Column(name = "activated_at", nullable = false)
  public Instant activatedAt;

  @Column(name = "last_activity_at", nullable = false)
  public Instant lastActivityAt;

  @Column(name = "ended_at")
  public Instant endedAt;

  @Column(name = "end_reason")
  public String endReason;

  public String summary;

  @Column(name = "tool_call_count", nullable = false)
  public long toolCallCount;

  @Column(name = "error_count", nullable = false)
  public long errorCount;

  /** How many prompts the session was given (from the source that reports them, counted once). */
  @Column(name = "prompt_count", nullable = false)
  public long promptCount;

  /** The summary of the session's latest context compaction, as the client wrote it. */
  @Column(name = "compact_summary")
  public String compactSummary;

  /** The last failure that stopped a turn (an API error, a rate limit), with its details. */
  @Column(name = "last_error")
  public String lastError;

  /** The client's permission mode (default, plan, acceptEdits, ...), as last reported. */
  @Column(name = "permission_mode")
  public String permissionMode;

  /** LLM spend charged to the session so far: reported and estimated cost. */
  @Column(name = "usage_cost_usd", nullable = false)
  public BigDecimal usageCostUsd = BigDecimal.ZERO;

  /** Input plus output tokens of every LLM call charged to it, priced or not. */
  @Column(name = "usage_tokens", nullable = false)
  public long usageTokens;

  /** Its LLM calls of unknown cost, which add nothing to {@link #usageCostUsd}. */
  @Column(name = "usage_unknown_cost", nullable = false)
  public long usageUnknownCost;

  /** Starting an existing session resumes it: it becomes active and current again. */
  void activate(Instant now) {
    status = SessionStatus.ACTIVE;
    activatedAt = now;
    lastActivityAt = later(lastActivityAt, now);
    endedAt = null;
    endReason = null;
  }

  void end(String finalSummary, String reason, Instant now) {
    status = SessionStatus.COMPLETED;
    endedAt = now;
    endReason = reason;
    summary = finalSummary;
  }

  /** A tool call counts and bumps activity. */
  void recordToolCall(boolean ok, Instant now) {
    toolCallCount++;
    if (!ok) {
      errorCount++;
    }
    recordActivity(now);
  }

  /** A tool call first recorded as successful that a later report says failed. */
  void recordLateFailure() {
    errorCount++;
  }

  /** A prompt the user (or the agent's caller) gave: counts and bumps activity. */
  void recordPrompt(Instant now) {
    promptCount++;
    recordActivity(now);
  }

  /** Activity bumps the last-activity time and reopens a session closed for idling. */
  void recordActivity(Instant now) {
    lastActivityAt = later(lastActivityAt, now);
    if (status == SessionStatus.IDLE_CLOSED) {
      status = SessionStatus.ACTIVE;
      endedAt = null;
      endReason = null;
    }
  }

  private static Instant later(Instant a, Instant b) {
    return a == null || b.isAfter(a) ? b : a;
  }

  /** How many sessions and their tool calls and errors a filter matches. */
  record Totals(Long sessions, Long toolCalls, Long errors) {}

  /** The sessions matching the filter, newest activity first. */
  static PanacheQuery<AgentSession> matching(SessionFilter filter) {
    Conditions matching = filter.conditions();
    return find(
        matching.where(),
        Sort.descending("lastActivityAt").and("id", Sort.Direction.Descending),
        matching.parameters());
  }

  /** The newest sessions by last activity, of one project (null: of all). */
  static PanacheQuery<AgentSession> newestOf(String projectPath) {
    // No tie-breaker: activity times are strictly increasing, and the index on
    // (project_id, last_activity_at) then serves the order without a sort.
    Sort newest = Sort.descending("lastActivityAt");
    return projectPath == null ? findAll(newest) : find("project.path", newest, projectPath);
  }

  /** The totals of the sessions matching the filter, in one aggregate query. */
  static Totals totalsOf(SessionFilter filter) {
    Conditions matching = filter.conditions();
    var query =
        getEntityManager()
            .createQuery(
                "select count(s), coalesce(sum(s.toolCallCount), 0), coalesce(sum(s.errorCount), 0)"
                    + " from AgentSession s where "
                    + matching.where(),
                Totals.class);
    matching.parameters().map().forEach(query::setParameter);
    return query.getSingleResult();
  }

  /** The stored ids of the projects the filter's sessions worked in. */
  static List<Long> projectIdsOf(SessionFilter filter) {
    Conditions matching = filter.conditions();
    var query =
        getEntityManager()
            .createQuery(
                "select distinct s.project.id from AgentSession s where " + matching.where(),
                Long.class);
    matching.parameters().map().forEach(query::setParameter);
    return query.getResultList();
  }

  /** Deletes the sessions that ended and saw no activity since the cutoff; answers how many. */
  static long deleteEndedBefore(Instant cutoff) {
    return delete("status <> ?1 and lastActivityAt < ?2", SessionStatus.ACTIVE, cutoff);
  }

  /** Closes the active sessions without activity since the cutoff, saying why; answers how many. */
  static int closeIdleSince(Instant cutoff, String reason, Instant now) {
    return update(
        "status = :closed, endedAt = :now, endReason = :reason"
            + " where status = :active and lastActivityAt < :cutoff",
        Parameters.with("closed", SessionStatus.IDLE_CLOSED)
            .and("now", now)
            .and("reason", reason)
            .and("active", SessionStatus.ACTIVE)
            .and("cutoff", cutoff));
  }

  /** A failure that stopped a turn: kept as the last error, and counted as an error. */
  void recordFailure(String error, Instant now) {
    lastError = error;
    errorCount++;
    recordActivity(now);
  }

  /** Adds one LLM call to the running totals (its cost null when unknown). */
  void charge(BigDecimal costUsd, long tokens) {
    if (costUsd == null) {
      usageUnknownCost++;
    } else {
      usageCostUsd = usageCostUsd.add(costUsd);
    }
    usageTokens += tokens;
  }

  void recharge(BigDecimal before, BigDecimal after) {
    if (before == null) {
      usageUnknownCost--;
    } else {
      usageCostUsd = usageCostUsd.subtract(before);
    }
    charge(after, 0);
  }

  /** How many sessions of this instance are active now. */
  public static long countActiveOf(String instanceId) {
    return count("instanceId = ?1 and status = ?2", instanceId, SessionStatus.ACTIVE);
  }
}
