package dev.sessionsidecar.session;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** One tool call the agent made in a session. */
@Entity
@Table(name = "tool_call")
public class ToolCall extends PanacheEntityBase {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  public Long id;

  @Column(name = "session_id", nullable = false)
  public String sessionId;

  /** The sidecar instance that recorded it. */
  @Column(name = "instance_id")
  public String instanceId;

  @Column(name = "call_id")
  public String callId;

  @Column(nullable = false)
  public String tool;

  /** The arguments as JSON text, or their first characters when {@link #argumentsTruncated}. */
  public String arguments;

  @Column(name = "arguments_truncated", nullable = false)
  public boolean argumentsTruncated;

  @Column(nullable = false)
  public boolean ok;

  public String error;

  @Column(name = "result_summary")
  public String resultSummary;

  @Column(name = "duration_ms")
  public Long durationMs;

  @Column(name = "started_at", nullable = false)
  public Instant startedAt;

  @Column(name = "recorded_at", nullable = false)
  public Instant recordedAt;

  /** How many calls this instance recorded that started at or after {@code since}. */
  public static long countOfSince(String instanceId, Instant since) {
    return count("instanceId = ?1 and startedAt >= ?2", instanceId, since);
  }
}
