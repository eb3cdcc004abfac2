package dev.sessionsidecar.insight;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.sessionsidecar.platform.Timestamps;
import dev.sessionsidecar.session.Project;
import io.quarkus.panache.common.Parameters;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Reads insights filtered and ranked by {@link InsightScore}; reading changes nothing. */
@ApplicationScoped
public class InsightDigest {

  private final Timestamps time;
  private final ObjectMapper mapper;

  InsightDigest(Timestamps time, ObjectMapper mapper) {
    this.time = time;
    this.mapper = mapper;
  }

  /**
   * Which insights to read. Null parts do not filter, except {@code dismissed}: null means "not
   * dismissed", as in the digest. {@code sinceDays} 0 means any time.
   */
  public record Filter(
      Long projectId,
      InsightSource source,
      String kind,
      Boolean dismissed,
      double minConfidence,
      int sinceDays,
      int limit) {}

  /** Highest score first, then most recently seen. */
  @Transactional
  public List<InsightView> ranked(Filter filter) {
    Instant now = time.now();
    StringBuilder where = new StringBuilder("confidence >= :min");
    Parameters params = Parameters.with("min", filter.minConfidence());
    where.append(
        Boolean.TRUE.equals(filter.dismissed())
            ? " and dismissedAt is not null"
            : " and dismissedAt is null");
    if (filter.projectId() != null) {
      where.append(" and projectId = :project");
      params.and("project", filter.projectId());
    }
    if (filter.source() != null) {
      where.append(" and source = :source");
      params.and("source", filter.source());
    }
    if (filter.kind() != null) {
      where.append(" and kind = :kind");
      params.and("kind", filter.kind());
    }
    if (filter.sinceDays() > 0) {
      where.append(" and lastSeenAt >= :since");
      params.and("since", now.minus(Duration.ofDays(filter.sinceDays())));
    }
    Map<Long, String> paths = new HashMap<>();
    Comparator<Insight> byScore =
        Comparator.comparingDouble((Insight i) -> InsightScore.of(i.confidence, i.lastSeenAt, now));
    return Insight.<Insight>list(where.toString(), params).stream()
        .sorted(
            byScore
                .reversed()
                .thenComparing((Insight i) -> i.lastSeenAt, Comparator.reverseOrder())
                .thenComparing(i -> i.id))
        .limit(filter.limit())
        .map(i -> InsightView.of(i, paths.computeIfAbsent(i.projectId, this::path), now, mapper))
        .toList();
  }

  private String path(long projectId) {
    return Project.<Project>findById(projectId).path;
  }
}
