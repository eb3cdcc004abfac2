package dev.sessionsidecar.insight.ponder;

import io.quarkus.hibernate.orm.panache.Panache;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads what the pondering needs of a project: recent tool calls, session costs, unpriced models.
 */
@ApplicationScoped
class HistoryLoader {

  /** How much of the arguments is compared to tell a retry from a new call. */
  static final int ARGUMENTS_PREFIX = 2000;

  private final InsightConfig settings;

  HistoryLoader(InsightConfig settings) {
    this.settings = settings;
  }

  @Transactional
  ProjectHistory load(long projectId, Instant since) {
    EntityManager em = Panache.getEntityManager();
    return new ProjectHistory(
        calls(em, projectId, since), costs(em, projectId, since), unpriced(em, projectId, since));
  }

  /** Projects with session activity since the instant, as (id, path). */
  @Transactional
  Map<Long, String> projectsActiveSince(Instant since) {
    Map<Long, String> projects = new LinkedHashMap<>();
    Panache.getEntityManager()
        .createQuery(
            "select distinct s.project.id, s.project.path from AgentSession s"
                + " where s.lastActivityAt >= :since order by s.project.id",
            Object[].class)
        .setParameter("since", since)
        .getResultList()
        .forEach(row -> projects.put((Long) row[0], (String) row[1]));
    return projects;
  }

  private List<CallSample> calls(EntityManager em, long projectId, Instant since) {
    List<CallSample> calls = new ArrayList<>();
    em.createQuery(
            "select c.id, c.sessionId, c.tool, substring(c.arguments, 1, :prefix),"
                + " length(c.arguments), c.ok, c.error, c.durationMs, c.startedAt"
                + " from ToolCall c where c.startedAt >= :since and c.sessionId in"
                + " (select s.id from AgentSession s where s.project.id = :project)"
                + " order by c.startedAt desc, c.id desc",
            Object[].class)
        .setParameter("prefix", ARGUMENTS_PREFIX)
        .setParameter("since", since)
        .setParameter("project", projectId)
        .setMaxResults(settings.ponderMaxCalls())
        .getResultList()
        .forEach(
            row ->
                calls.add(
                    new CallSample(
                        (Long) row[0],
                        (String) row[1],
                        (String) row[2],
                        argumentsKey((String) row[3], (Integer) row[4]),
                        (Boolean) row[5],
                        (String) row[6],
                        (Long) row[7],
                        (Instant) row[8])));
    calls.sort(
        Comparator.comparing(CallSample::sessionId)
            .thenComparing(CallSample::startedAt)
            .thenComparingLong(CallSample::id));
    return calls;
  }

  private static String argumentsKey(String prefix, Integer length) {
    if (prefix == null) {
      return "";
    }
    return length != null && length > ARGUMENTS_PREFIX
        ? prefix + "… (" + length + " chars)"
        : prefix;
  }

  private static Map<String, BigDecimal> costs(EntityManager em, long projectId, Instant since) {
    Map<String, BigDecimal> costs = new LinkedHashMap<>();
    em.createQuery(
            "select r.sessionId, sum(r.costUsd) from UsageRecord r where r.projectId = :project"
                + " and r.createdAt >= :since and r.sessionId is not null and r.costUsd is not null"
                + " group by r.sessionId order by r.sessionId",
            Object[].class)
        .setParameter("project", projectId)
        .setParameter("since", since)
        .getResultList()
        .forEach(row -> costs.put((String) row[0], (BigDecimal) row[1]));
    return costs;
  }

  private static List<UnpricedModel> unpriced(EntityManager em, long projectId, Instant since) {
    return em
        .createQuery(
            "select r.provider, r.model, count(r), max(r.id) from UsageRecord r"
                + " where r.projectId = :project and r.createdAt >= :since"
                + " and r.costSource = dev.sessionsidecar.usage.CostSource.UNKNOWN"
                + " group by r.provider, r.model order by r.provider, r.model",
            Object[].class)
        .setParameter("project", projectId)
        .setParameter("since", since)
        .getResultList()
        .stream()
        .map(
            row ->
                new UnpricedModel((String) row[0], (String) row[1], (Long) row[2], (Long) row[3]))
        .toList();
  }
}
