package dev.sessionsidecar.session;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import io.quarkus.hibernate.orm.panache.PanacheQuery;
import io.quarkus.panache.common.Sort;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

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

  /** The subagent that made the call (its type or id); null: the main agent. */
  public String agent;

  /** The user prompt the call was made under, when the client says. */
  @Column(name = "prompt_id")
  public String promptId;

  /** Who described the call: {@link #FIRST_HAND} (hooks, REST) or {@link #TELEMETRY}. */
  @Column(name = "reported_by")
  public String reportedBy;

  @Column(name = "started_at", nullable = false)
  public Instant startedAt;

  /**
   * A report from the agent's own side (hooks, REST): names and arguments as the agent saw them.
   */
  static final String FIRST_HAND = "agent";

  /** A report from telemetry, whose tool names and arguments may be redacted or missing. */
  static final String TELEMETRY = "telemetry";

  @Column(name = "recorded_at", nullable = false)
  public Instant recordedAt;

  /**
   * Adds what another report of this call knows. A first-hand report replaces what telemetry said
   * wherever it says something (name, arguments, agent, error, result); a failure replaces a
   * success, whoever reports it (a source that saw the failure knows more than one that did not);
   * anything still unknown is filled in; nothing known is lost. Answers whether the call turned
   * from successful to failed.
   */
  boolean learn(RecordToolCallRequest report, String by, String storedArguments, boolean cut) {
    boolean replaces = TELEMETRY.equals(reportedBy) && FIRST_HAND.equals(by);
    if (replaces) {
      tool = report.tool();
      reportedBy = by;
    }
    if (storedArguments != null && (arguments == null || replaces)) {
      arguments = storedArguments;
      argumentsTruncated = cut;
    }
    agent = pick(agent, report.agent(), replaces);
    promptId = pick(promptId, report.promptId(), replaces);
    resultSummary = pick(resultSummary, report.resultSummary(), replaces);
    durationMs = durationMs != null ? durationMs : report.durationMs();
    boolean failedNow = ok && !report.succeeded();
    if (failedNow) {
      ok = false;
      error = report.error();
    } else if (!ok && !report.succeeded()) {
      error = pick(error, report.error(), replaces);
    }
    return failedNow;
  }

  /** The stored value, unless it is unknown or {@code replaces} and the report has one. */
  private static <T> T pick(T stored, T reported, boolean replaces) {
    return reported != null && (stored == null || replaces) ? reported : stored;
  }

  /** The call recorded in a session under the agent's call id, if any. */
  static Optional<ToolCall> byCallId(String sessionId, String callId) {
    return find("sessionId = ?1 and callId = ?2", sessionId, callId).firstResultOptional();
  }

  /** The calls recorded in a session under the ids that {@code reports} name for it, by id. */
  static Map<String, ToolCall> byCallIdsOf(String sessionId, List<ReportedToolCall> reports) {
    List<String> ids =
        reports.stream()
            .filter(c -> c.sessionId().equals(sessionId) && c.request().callId() != null)
            .map(c -> c.request().callId())
            .distinct()
            .toList();
    Map<String, ToolCall> byId = new HashMap<>();
    if (!ids.isEmpty()) {
      ToolCall.<ToolCall>list("sessionId = ?1 and callId in ?2", sessionId, ids)
          .forEach(call -> byId.put(call.callId, call));
    }
    return byId;
  }

  /** A session's calls, newest first. */
  static PanacheQuery<ToolCall> ofSessionNewestFirst(String sessionId) {
    return find(
        "sessionId", Sort.descending("startedAt").and("id", Sort.Direction.Descending), sessionId);
  }

  /** Deletes the calls recorded before the cutoff; answers how many. */
  static long deleteRecordedBefore(Instant cutoff) {
    return delete("recordedAt < ?1", cutoff);
  }

  /** How often a session called one tool. */
  record ToolCount(String tool, Long calls) {}

  /** A session's most called tools, most calls first, then by name. */
  static List<ToolCount> topToolsOf(String sessionId, int limit) {
    return getEntityManager()
        .createQuery(
            "select t.tool, count(t) from ToolCall t where t.sessionId = :id"
                + " group by t.tool order by count(t) desc, t.tool",
            ToolCount.class)
        .setParameter("id", sessionId)
        .setMaxResults(limit)
        .getResultList();
  }

  /** A recorded call with its arguments cut to a prefix, and their full length. */
  public record Sample(
      Long id,
      String sessionId,
      String tool,
      String argumentsPrefix,
      Integer argumentsLength,
      Boolean ok,
      String error,
      Long durationMs,
      Instant startedAt) {}

  /**
   * The project's calls started at or after {@code since}, newest first, at most {@code limit},
   * with their arguments cut to {@code argumentsPrefix} characters.
   */
  public static List<Sample> recentOfProject(
      long projectId, Instant since, int argumentsPrefix, int limit) {
    return getEntityManager()
        .createQuery(
            "select c.id, c.sessionId, c.tool, substring(c.arguments, 1, :prefix),"
                + " length(c.arguments), c.ok, c.error, c.durationMs, c.startedAt"
                + " from ToolCall c where c.startedAt >= :since and c.sessionId in"
                + " (select s.id from AgentSession s where s.project.id = :project)"
                + " order by c.startedAt desc, c.id desc",
            Sample.class)
        .setParameter("prefix", argumentsPrefix)
        .setParameter("since", since)
        .setParameter("project", projectId)
        .setMaxResults(limit)
        .getResultList();
  }

  /** How many calls this instance recorded that started at or after {@code since}. */
  public static long countOfSince(String instanceId, Instant since) {
    return count("instanceId = ?1 and startedAt >= ?2", instanceId, since);
  }
}
