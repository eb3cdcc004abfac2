package dev.sessionsidecar.usage;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import dev.sessionsidecar.platform.Conditions;
import dev.sessionsidecar.platform.Page;
import dev.sessionsidecar.platform.PodNarrowing;
import dev.sessionsidecar.platform.Timestamps;
import dev.sessionsidecar.session.ProjectView;
import dev.sessionsidecar.session.Projects;
import io.quarkus.hibernate.orm.panache.PanacheQuery;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Reads the ledger: summaries and grouped stats from the rollups, records from the ledger, scoped
 * to the active project when there is one.
 */
@ApplicationScoped
public class UsageQueries {

  private final Projects projects;
  private final Timestamps time;
  private final UsageRollups rollups;

  private final UsageConfig config;

  UsageQueries(Projects projects, Timestamps time, UsageRollups rollups, UsageConfig config) {
    this.projects = projects;
    this.time = time;
    this.rollups = rollups;
    this.config = config;
  }

  /**
   * Whose usage and over which window: {@code project} null means every project; {@code pod} and
   * {@code namespace} say a narrowing to the instances of {@code instanceIds} (null: every
   * instance).
   */
  @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
  public record Scope(
      ProjectView project,
      int sinceDays,
      LocalDate fromDay,
      String timeZone,
      @JsonInclude(JsonInclude.Include.NON_NULL) String pod,
      @JsonInclude(JsonInclude.Include.NON_NULL) String namespace,
      @JsonIgnore List<String> instanceIds) {

    /** The rollup rows this scope sums, given its project's stored id (null: any project). */
    UsageRollups.Filter rollupFilter(Long projectId) {
      return new UsageRollups.Filter(fromDay, projectId, instanceIds);
    }
  }

  /** Figures of one group of {@code usage_stats}; a billing block's times and burn rate too. */
  @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
  public record Group(
      String group,
      UsageFigures figures,
      @JsonInclude(JsonInclude.Include.NON_NULL) BillingBlocks.View block) {

    Group(String group, UsageFigures figures) {
      this(group, figures, null);
    }
  }

  /** Figures of one model on one day (of the usage time zone). */
  @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
  public record Daily(LocalDate day, String model, UsageFigures figures) {}

  /** Which records a listing wants; null parts do not filter. */
  public record RecordFilter(String sessionId, String provider, String model) {}

  @Transactional
  public UsageFigures summary(Scope scope) {
    return rollups.total(scope.rollupFilter(projectId(scope))).figures();
  }

  /** What one session has used so far (read from its records, which are indexed by session). */
  @Transactional
  public SessionUsage forSession(String sessionId) {
    return forSessionSince(sessionId, Instant.EPOCH);
  }

  /** What one session used from an instant on. */
  @Transactional
  public SessionUsage forSessionSince(String sessionId, Instant since) {
    UsageRecord.Spend spend = UsageRecord.spendOfSession(sessionId, since);
    return new SessionUsage(
        spend.requests(),
        spend.inputTokens(),
        spend.outputTokens(),
        Dollars.plain(spend.costUsd()),
        spend.unknownCostRequests());
  }

  /**
   * What was used from a day on (null: all time), in one project (null: every project), by these
   * instances (null: every instance); read from the rollups, so it survives the records' purge.
   */
  @Transactional
  public UsageFigures totalSince(LocalDate fromDay, Long projectId, List<String> instanceIds) {
    return rollups.total(new UsageRollups.Filter(fromDay, projectId, instanceIds)).figures();
  }

  /**
   * Groups ordered by cost, then requests, then name; periods and blocks newest first. Periods come
   * from the rollups, sessions and blocks from the records (which the retention purges).
   */
  @Transactional
  public List<Group> stats(Scope scope, UsageGrouping grouping, int limit) {
    return switch (grouping) {
      case DAY, WEEK, MONTH -> periods(scope, grouping, limit);
      case BLOCK -> blocks(scope).stream().map(this::group).limit(limit).toList();
      case SESSION -> byCost(bySession(scope), limit);
      default -> byCost(rollups.byGroup(grouping, scope.rollupFilter(projectId(scope))), limit);
    };
  }

  /** The block the latest request is in, while it is active. */
  @Transactional
  public Optional<Group> activeBlock(Scope scope) {
    Instant now = time.now();
    Scope lastHours =
        new Scope(scope.project(), 1, fromDay(1), zoneName(), null, null, scope.instanceIds());
    List<BillingBlocks.Block> blocks = blocks(lastHours);
    return blocks.isEmpty() || !blocks.get(0).activeAt(now)
        ? Optional.empty()
        : Optional.of(group(blocks.get(0)));
  }

  private Group group(BillingBlocks.Block block) {
    return new Group(block.start().toString(), block.totals().figures(), block.view(time.now()));
  }

  private List<Group> periods(Scope scope, UsageGrouping grouping, int limit) {
    Map<String, UsageTotals> periods = new TreeMap<>(Comparator.reverseOrder());
    rollups
        .byGroup(UsageGrouping.DAY, scope.rollupFilter(projectId(scope)))
        .forEach(
            (day, totals) ->
                periods.merge(grouping.periodOf(LocalDate.parse(day)), totals, UsageTotals::plus));
    return periods.entrySet().stream()
        .limit(limit)
        .map(e -> new Group(e.getKey(), e.getValue().figures()))
        .toList();
  }

  /** Newest first. */
  private List<BillingBlocks.Block> blocks(Scope scope) {
    List<BillingBlocks.Block> blocks =
        new ArrayList<>(BillingBlocks.of(UsageRecord.usesOldestFirst(inScope(scope))));
    Collections.reverse(blocks);
    return blocks;
  }

  private Map<String, UsageTotals> bySession(Scope scope) {
    Map<String, UsageTotals> sessions = new HashMap<>();
    for (RecordedUse r : UsageRecord.usesOldestFirst(inScope(scope))) {
      String session = r.sessionId() == null ? "(no session)" : r.sessionId();
      sessions.put(session, sessions.getOrDefault(session, UsageTotals.ZERO).plus(r));
    }
    return sessions;
  }

  private static List<Group> byCost(Map<String, UsageTotals> groups, int limit) {
    return groups.entrySet().stream()
        .map(e -> new Group(e.getKey(), e.getValue().figures()))
        .sorted(
            Comparator.comparing((Group g) -> g.figures().costUsd())
                .reversed()
                .thenComparing(
                    Comparator.comparingLong((Group g) -> g.figures().requests()).reversed())
                .thenComparing(Group::group))
        .limit(limit)
        .toList();
  }

  /** Figures per day and model, oldest day first, models by name within a day. */
  @Transactional
  public List<Daily> daily(Scope scope) {
    return rollups.byDayAndModel(scope.rollupFilter(projectId(scope))).entrySet().stream()
        .map(
            e ->
                new Daily(
                    LocalDate.parse(e.getKey().get(0)), e.getKey().get(1), e.getValue().figures()))
        .toList();
  }

  /** Records newest first, in the scope's project (if any) and since its window began. */
  @Transactional
  public Page<UsageRecordView> records(Scope scope, RecordFilter filter, int limit, int offset) {
    // A session named is read whole, whichever project is active: it has its own project.
    Conditions matching =
        inScope(filter.sessionId() == null ? scope : scopeOf(null, scope.sinceDays()))
            .and("sessionId = :session", "session", filter.sessionId())
            .and("provider = :provider", "provider", normalized(filter.provider()))
            .and("model = :model", "model", normalized(filter.model()));
    PanacheQuery<UsageRecord> query = UsageRecord.newestFirst(matching);
    List<UsageRecordView> items =
        query.range(offset, offset + limit - 1).list().stream().map(UsageRecordView::of).toList();
    return new Page<>(items, query.count(), limit, offset);
  }

  /** The records of the scope's project (if any), instances, and window. */
  private Conditions inScope(Scope scope) {
    Instant since =
        scope.sinceDays() > 0 ? time.now().minus(Duration.ofDays(scope.sinceDays())) : null;
    return new Conditions()
        .and("projectId = :project", "project", projectId(scope))
        .and("createdAt >= :since", "since", since)
        .in("instanceId", "instances", scope.instanceIds());
  }

  /**
   * The active project (or all projects) over the last {@code sinceDays} days; rollups count by UTC
   * day, so the window starts at the beginning of the day {@code sinceDays} ago.
   */
  public Scope scope(int sinceDays) {
    return scopeOf(projects.active().orElse(null), sinceDays);
  }

  /** One project (null: every project) over the last {@code sinceDays} days. */
  public Scope scopeOf(ProjectView project, int sinceDays) {
    return new Scope(project, sinceDays, fromDay(sinceDays), zoneName(), null, null, null);
  }

  /**
   * Every project's usage over the window, recorded by the instances the narrowing selects; not
   * narrowed, the active project's as {@link #scope(int)}.
   */
  @Transactional
  public Scope scope(int sinceDays, PodNarrowing narrowing) {
    if (!narrowing.any()) {
      return scope(sinceDays);
    }
    return new Scope(
        null,
        sinceDays,
        fromDay(sinceDays),
        zoneName(),
        narrowing.pod(),
        narrowing.namespace(),
        narrowing.instanceIds());
  }

  /** The zone whose days the windows count, as its id ({@code UTC}, {@code Europe/Berlin}). */
  private String zoneName() {
    return config.timeZone().getId();
  }

  private LocalDate fromDay(int sinceDays) {
    return sinceDays == 0
        ? null
        : time.now().minus(Duration.ofDays(sinceDays)).atZone(config.timeZone()).toLocalDate();
  }

  private static String normalized(String name) {
    return name == null ? null : PriceTable.normalize(name);
  }

  private Long projectId(Scope scope) {
    if (scope.project() == null) {
      return null;
    }
    return scope.project().idOrNone();
  }
}
