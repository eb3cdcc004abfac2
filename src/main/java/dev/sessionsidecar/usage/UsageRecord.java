package dev.sessionsidecar.usage;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.time.Instant;

/** One LLM call in the ledger. */
@Entity
@Table(name = "usage_record")
public class UsageRecord extends PanacheEntityBase {

  @Id
  @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "usage_record_seq")
  @SequenceGenerator(
      name = "usage_record_seq",
      sequenceName = "usage_record_seq",
      allocationSize = 50)
  public Long id;

  /** The sidecar instance that recorded it. */
  @Column(name = "instance_id")
  public String instanceId;

  @Column(name = "request_id")
  public String requestId;

  @Column(name = "session_id")
  public String sessionId;

  @Column(name = "project_id")
  public Long projectId;

  @Column(nullable = false)
  public String provider;

  @Column(nullable = false)
  public String model;

  @Column(name = "call_role", nullable = false)
  public String role;

  @Column(name = "input_tokens", nullable = false)
  public long inputTokens;

  @Column(name = "output_tokens", nullable = false)
  public long outputTokens;

  @Column(name = "cache_read_tokens", nullable = false)
  public long cacheReadTokens;

  @Column(name = "cache_write_tokens", nullable = false)
  public long cacheWriteTokens;

  @Column(name = "reasoning_tokens", nullable = false)
  public long reasoningTokens;

  @Column(name = "cost_usd")
  public BigDecimal costUsd;

  @Enumerated(EnumType.STRING)
  @Column(name = "cost_source", nullable = false)
  public CostSource costSource;

  @Column(name = "price_version")
  public String priceVersion;

  @Column(name = "latency_ms")
  public Long latencyMs;

  @Column(nullable = false)
  public boolean ok;

  public String error;

  @Column(name = "created_at", nullable = false)
  public Instant createdAt;

  @Column(name = "recorded_at", nullable = false)
  public Instant recordedAt;

  TokenCounts tokens() {
    return new TokenCounts(
        inputTokens, outputTokens, cacheReadTokens, cacheWriteTokens, reasoningTokens);
  }

  /** What an instance's records from {@code since} cost, and how many had no known cost. */
  public record Spend(BigDecimal costUsd, long requests, long unknownCostRequests) {}

  /** The spend of the records this instance stored that were created at or after {@code since}. */
  public static Spend spendOfSince(String instanceId, Instant since) {
    Object[] row =
        getEntityManager()
            .createQuery(
                "select coalesce(sum(r.costUsd), 0), count(r),"
                    + " coalesce(sum(case when r.costSource = ?3 then 1 else 0 end), 0)"
                    + " from UsageRecord r where r.instanceId = ?1 and r.createdAt >= ?2",
                Object[].class)
            .setParameter(1, instanceId)
            .setParameter(2, since)
            .setParameter(3, CostSource.UNKNOWN)
            .getSingleResult();
    return new Spend(
        (BigDecimal) row[0], ((Number) row[1]).longValue(), ((Number) row[2]).longValue());
  }
}
