package dev.sessionsidecar.usage;

import dev.sessionsidecar.platform.Conditions;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import io.quarkus.hibernate.orm.panache.PanacheQuery;
import io.quarkus.panache.common.Sort;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import jakarta.persistence.TypedQuery;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Collection;
import java.util.List;

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

  /** The part of the cache writes that went to the 1-hour cache; null: the source did not say. */
  @Column(name = "cache_write_1h_tokens")
  public Long cacheWrite1hTokens;

  @Column(name = "reasoning_tokens", nullable = false)
  public long reasoningTokens;

  /**
   * Web searches the provider ran for the call, billed per search; null: the source did not say.
   */
  @Column(name = "web_search_requests")
  public Long webSearchRequests;

  /** Where the provider was asked to run the call ({@code us}, {@code global}); null: not said. */
  @Column(name = "inference_geo")
  public String inferenceGeo;

  /** How fast the provider was asked to answer ({@code standard}, {@code fast}); null: not said. */
  @Column(name = "speed")
  public String speed;

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
        inputTokens,
        outputTokens,
        cacheReadTokens,
        cacheWriteTokens,
        cacheWrite1hTokens == null ? 0 : cacheWrite1hTokens,
        reasoningTokens,
        webSearchRequests == null ? 0 : webSearchRequests,
        inferenceGeo,
        speed);
  }

  /** Deletes the records created before the cutoff; answers how many. */
  static long deleteCreatedBefore(Instant cutoff) {
    return delete("createdAt < ?1", cutoff);
  }

  /** The records stored under these request ids. */
  static List<UsageRecord> byRequestIds(Collection<String> requestIds) {
    return list("requestId in ?1", requestIds);
  }

  /** What one session's priced records cost. */
  public record SessionCost(String sessionId, BigDecimal costUsd) {}

  /** The cost of each session of the project with priced records created at or after since. */
  public static List<SessionCost> costPerSession(long projectId, Instant since) {
    return getEntityManager()
        .createQuery(
            "select r.sessionId, sum(r.costUsd) from UsageRecord r where r.projectId = :project"
                + " and r.createdAt >= :since and r.sessionId is not null and r.costUsd is not null"
                + " group by r.sessionId order by r.sessionId",
            SessionCost.class)
        .setParameter("project", projectId)
        .setParameter("since", since)
        .getResultList();
  }

  /** A model whose records carry no cost: how many, and the newest record's id. */
  public record UnpricedUse(String provider, String model, Long requests, Long latestRecordId) {}

  /** The project's models with records of unknown cost created at or after since. */
  public static List<UnpricedUse> unpricedModels(long projectId, Instant since) {
    return getEntityManager()
        .createQuery(
            "select r.provider, r.model, count(r), max(r.id) from UsageRecord r"
                + " where r.projectId = :project and r.createdAt >= :since"
                + " and r.costSource = :unknown"
                + " group by r.provider, r.model order by r.provider, r.model",
            UnpricedUse.class)
        .setParameter("project", projectId)
        .setParameter("since", since)
        .setParameter("unknown", CostSource.UNKNOWN)
        .getResultList();
  }

  /** What some records cost and used, and how many of them had no known cost. */
  public record Spend(
      Long requests,
      Long inputTokens,
      Long outputTokens,
      BigDecimal costUsd,
      Long unknownCostRequests) {}

  private static final String SPEND =
      "select count(r), coalesce(sum(r.inputTokens), 0), coalesce(sum(r.outputTokens), 0),"
          + " coalesce(sum(r.costUsd), 0),"
          + " coalesce(sum(case when r.costSource = :unknown then 1 else 0 end), 0)"
          + " from UsageRecord r where ";

  /** The spend of one session's records created at or after {@code since} (EPOCH: all). */
  static Spend spendOfSession(String sessionId, Instant since) {
    return getEntityManager()
        .createQuery(SPEND + "r.sessionId = :session and r.createdAt >= :since", Spend.class)
        .setParameter("session", sessionId)
        .setParameter("since", since)
        .setParameter("unknown", CostSource.UNKNOWN)
        .getSingleResult();
  }

  /** The spend of the records this instance stored that were created at or after {@code since}. */
  public static Spend spendOfSince(String instanceId, Instant since) {
    return getEntityManager()
        .createQuery(SPEND + "r.instanceId = :instance and r.createdAt >= :since", Spend.class)
        .setParameter("instance", instanceId)
        .setParameter("since", since)
        .setParameter("unknown", CostSource.UNKNOWN)
        .getSingleResult();
  }

  /**
   * What the records that meet the conditions used, oldest first: read as values, not as managed
   * records, which took a block or session report over 8,325 records from 100-120 ms to 40-55 ms.
   */
  static List<RecordedUse> usesOldestFirst(Conditions conditions) {
    TypedQuery<RecordedUse> query =
        getEntityManager()
            .createQuery(
                "select "
                    + RecordedUse.COLUMNS
                    + " from UsageRecord r where "
                    + conditions.where()
                    + " order by r.createdAt, r.id",
                RecordedUse.class);
    conditions.parameters().map().forEach(query::setParameter);
    return query.getResultList();
  }

  /** The records that meet the conditions, newest first. */
  static PanacheQuery<UsageRecord> newestFirst(Conditions conditions) {
    return find(
        conditions.where(),
        Sort.descending("createdAt").and("id", Sort.Direction.Descending),
        conditions.parameters());
  }
}
