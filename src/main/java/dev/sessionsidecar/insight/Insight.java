package dev.sessionsidecar.insight;

import dev.sessionsidecar.platform.Conditions;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** A stored insight: one per finding and project, counting how often it was reported. */
@Entity
public class Insight extends PanacheEntityBase {

  /** Assigned by the database on insert, never reused: the {@code insight_id} of the tool. */
  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  public Long id;

  @Column(name = "project_id", nullable = false)
  public Long projectId;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false)
  public InsightSource source;

  @Column(nullable = false)
  public String kind;

  @Column(nullable = false)
  public String title;

  public String detail;

  /** The evidence list as JSON. */
  @Column(nullable = false)
  public String evidence;

  @Column(nullable = false)
  public double confidence;

  @Column(name = "dedupe_key", nullable = false)
  public String dedupeKey;

  @Column(name = "first_seen_at", nullable = false)
  public Instant firstSeenAt;

  @Column(name = "last_seen_at", nullable = false)
  public Instant lastSeenAt;

  @Column(nullable = false)
  public long occurrences;

  @Column(name = "dismissed_at")
  public Instant dismissedAt;

  @Column(name = "dismiss_reason")
  public String dismissReason;

  boolean dismissed() {
    return dismissedAt != null;
  }

  /** The insight of a project with this dedupe key: a finding reported again updates it. */
  static Optional<Insight> byDedupeKey(long projectId, String dedupeKey) {
    return find("projectId = ?1 and dedupeKey = ?2", projectId, dedupeKey).firstResultOptional();
  }

  /** The insights that meet the conditions, in no particular order. */
  static List<Insight> matching(Conditions conditions) {
    return list(conditions.where(), conditions.parameters());
  }
}
