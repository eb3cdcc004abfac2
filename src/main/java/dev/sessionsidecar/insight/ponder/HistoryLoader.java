package dev.sessionsidecar.insight.ponder;

import dev.sessionsidecar.session.Project;
import dev.sessionsidecar.session.ToolCall;
import dev.sessionsidecar.usage.UsageRecord;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads what the pondering needs of a project through the finders of the features that own it:
 * recent tool calls, session costs, unpriced models.
 */
@ApplicationScoped
class HistoryLoader {

  /** How much of the arguments is compared to tell a retry from a new call. */
  static final int ARGUMENTS_PREFIX = 2000;

  private final InsightConfig config;

  HistoryLoader(InsightConfig config) {
    this.config = config;
  }

  @Transactional
  ProjectHistory load(long projectId, Instant since) {
    return new ProjectHistory(
        calls(projectId, since), costs(projectId, since), unpriced(projectId, since));
  }

  /** Projects with session activity since the instant, as (id, path). */
  @Transactional
  Map<Long, String> projectsActiveSince(Instant since) {
    Map<Long, String> projects = new LinkedHashMap<>();
    Project.withActivitySince(since).forEach(p -> projects.put(p.id, p.path));
    return projects;
  }

  /** The calls, per session in the order they started. */
  private List<CallSample> calls(long projectId, Instant since) {
    return ToolCall.recentOfProject(projectId, since, ARGUMENTS_PREFIX, config.ponderMaxCalls())
        .stream()
        .map(c -> CallSample.of(c, ARGUMENTS_PREFIX))
        .sorted(
            Comparator.comparing(CallSample::sessionId)
                .thenComparing(CallSample::startedAt)
                .thenComparingLong(CallSample::id))
        .toList();
  }

  private static Map<String, BigDecimal> costs(long projectId, Instant since) {
    Map<String, BigDecimal> costs = new LinkedHashMap<>();
    UsageRecord.costPerSession(projectId, since)
        .forEach(c -> costs.put(c.sessionId(), c.costUsd()));
    return costs;
  }

  private static List<UnpricedModel> unpriced(long projectId, Instant since) {
    return UsageRecord.unpricedModels(projectId, since).stream()
        .map(u -> new UnpricedModel(u.provider(), u.model(), u.requests(), u.latestRecordId()))
        .toList();
  }
}
