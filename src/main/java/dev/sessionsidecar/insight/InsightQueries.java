package dev.sessionsidecar.insight;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.sessionsidecar.platform.Conditions;
import dev.sessionsidecar.platform.QueryParameters;
import dev.sessionsidecar.platform.Timestamps;
import dev.sessionsidecar.session.Projects;
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
public class InsightQueries {

  private final Timestamps time;
  private final ObjectMapper mapper;

  private final Projects projects;

  InsightQueries(Projects projects, Timestamps time, ObjectMapper mapper) {
    this.projects = projects;
    this.time = time;
    this.mapper = mapper;
  }

  /**
   * Which insights to read: start from {@link #top(int)} and narrow with the named methods. Null
   * parts do not filter; {@code dismissed} picks dismissed insights instead of the others; {@code
   * sinceDays} 0 means any time.
   */
  public record Filter(
      List<Long> projectIds,
      InsightSource source,
      String kind,
      boolean dismissed,
      double minConfidence,
      int sinceDays,
      int limit) {

    /** The {@code limit} best-scored insights that are not dismissed, of every project. */
    public static Filter top(int limit) {
      return new Filter(null, null, null, false, 0, 0, limit);
    }

    /**
     * Narrowed as a query string asks, by {@code source}, {@code dismissed} ({@code true} or {@code
     * false}) and {@code min_confidence} (0..1); a bad value is a 400 naming it.
     */
    public Filter narrowedBy(QueryParameters query) {
      String wanted = query.oneOf("source", InsightSource.wireNames());
      return from(wanted == null ? null : InsightSource.fromWire(wanted).orElseThrow())
          .dismissedOnes("true".equals(query.oneOf("dismissed", List.of("true", "false"))))
          .atLeast(query.fraction("min_confidence", 0));
    }

    /** Only the insights of this project (null: any project). */
    public Filter inProject(Long projectId) {
      return inProjects(projectId == null ? null : List.of(projectId));
    }

    /** Only the insights of these projects (null: any project). */
    public Filter inProjects(List<Long> ids) {
      return new Filter(ids, source, kind, dismissed, minConfidence, sinceDays, limit);
    }

    /** Only insights from this source (null: any). */
    public Filter from(InsightSource wanted) {
      return new Filter(projectIds, wanted, kind, dismissed, minConfidence, sinceDays, limit);
    }

    /** Only insights of this kind (null: any). */
    public Filter ofKind(String wanted) {
      return new Filter(projectIds, source, wanted, dismissed, minConfidence, sinceDays, limit);
    }

    /** The dismissed insights instead of the others. */
    public Filter dismissedOnes(boolean wanted) {
      return new Filter(projectIds, source, kind, wanted, minConfidence, sinceDays, limit);
    }

    /** Only insights at least this confident. */
    public Filter atLeast(double confidence) {
      return new Filter(projectIds, source, kind, dismissed, confidence, sinceDays, limit);
    }

    /** Only insights seen within the last days (0: any time). */
    public Filter seenWithin(int days) {
      return new Filter(projectIds, source, kind, dismissed, minConfidence, days, limit);
    }
  }

  /** Highest score first, then most recently seen. */
  @Transactional
  public List<InsightView> ranked(Filter filter) {
    Instant now = time.now();
    if (filter.projectIds() != null && filter.projectIds().isEmpty()) {
      return List.of();
    }
    Instant since = filter.sinceDays() > 0 ? now.minus(Duration.ofDays(filter.sinceDays())) : null;
    Conditions matching =
        new Conditions()
            .and("confidence >= :min", "min", filter.minConfidence())
            .andIf(filter.dismissed(), "dismissedAt is not null")
            .andIf(!filter.dismissed(), "dismissedAt is null")
            .in("projectId", "projects", filter.projectIds())
            .and("source = :source", "source", filter.source())
            .and("kind = :kind", "kind", filter.kind())
            .and("lastSeenAt >= :since", "since", since);
    Map<Long, String> paths = new HashMap<>();
    Comparator<Insight> byScore =
        Comparator.comparingDouble((Insight i) -> InsightScore.of(i.confidence, i.lastSeenAt, now));
    return Insight.matching(matching).stream()
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
    return projects.pathOf(projectId);
  }
}
