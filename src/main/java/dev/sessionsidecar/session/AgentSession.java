package dev.sessionsidecar.session;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import java.time.Instant;

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

  /** How many sessions of this instance are active now. */
  public static long countActiveOf(String instanceId) {
    return count("instanceId = ?1 and status = ?2", instanceId, SessionStatus.ACTIVE);
  }
}
