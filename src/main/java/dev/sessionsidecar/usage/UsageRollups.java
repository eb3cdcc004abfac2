package dev.sessionsidecar.usage;

import dev.sessionsidecar.platform.Store;
import dev.sessionsidecar.platform.StoreSelection;
import io.quarkus.hibernate.orm.panache.Panache;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * The per-day rollups behind summaries and stats: added to in the transaction of each write, read
 * with one grouped query that never touches the records.
 */
@ApplicationScoped
class UsageRollups {

  /** The identity of one rollup row. */
  record Key(
      LocalDate day, long projectId, String provider, String model, String role, String instance) {

    static Key of(UsageRecord r, ZoneId zone) {
      return new Key(
          r.createdAt.atZone(zone).toLocalDate(),
          r.projectId == null ? 0 : r.projectId,
          r.provider,
          r.model,
          r.role,
          r.instanceId == null ? NO_INSTANCE : r.instanceId);
    }
  }

  /** Which rollup rows a read sums; a null part does not filter. */
  record Filter(LocalDate since, Long projectId, List<String> instanceIds) {}

  /** The instance of rows rolled up before rollups were kept per instance (V10). */
  static final String NO_INSTANCE = "";

  private static final String KEY_COLUMNS =
      "usage_day, project_id, provider, model, call_role, instance_id";

  private static final String KEY_CONDITION =
      "usage_day = ? and project_id = ? and provider = ? and model = ? and call_role = ?"
          + " and instance_id = ?";

  private static final String UPDATE =
      "update usage_rollup set "
          + UsageTotals.COLUMNS.stream()
              .map(c -> c + " = " + c + " + ?")
              .collect(Collectors.joining(", "))
          + " where "
          + KEY_CONDITION;

  private static final String INSERT =
      "insert into usage_rollup ("
          + KEY_COLUMNS
          + ", "
          + String.join(", ", UsageTotals.COLUMNS)
          + ") values ("
          + "?, ".repeat(6 + UsageTotals.COLUMNS.size() - 1)
          + "?)";

  /**
   * PostgreSQL's upsert: sidecars sharing the database may both create a day's row at once, and an
   * update-then-insert would lose that race on the primary key.
   */
  private static final String UPSERT =
      INSERT
          + " on conflict ("
          + KEY_COLUMNS
          + ") do update set "
          + UsageTotals.COLUMNS.stream()
              .map(c -> c + " = usage_rollup." + c + " + excluded." + c)
              .collect(Collectors.joining(", "));

  /** Rows are touched in key order, so two writers of the same rows cannot deadlock. */
  private static final Comparator<Key> KEY_ORDER =
      Comparator.comparing(Key::day)
          .thenComparingLong(Key::projectId)
          .thenComparing(Key::provider)
          .thenComparing(Key::model)
          .thenComparing(Key::role)
          .thenComparing(Key::instance);

  private final boolean upsert;

  /** The zone whose days the rows are dated by. */
  private final ZoneId zone;

  UsageRollups(StoreSelection store, UsageConfig config) {
    this.upsert = store.store() == Store.POSTGRESQL;
    this.zone = config.timeZone();
  }

  private static final String SUMS =
      UsageTotals.COLUMNS.stream().map(c -> "sum(" + c + ")").collect(Collectors.joining(", "));

  /** Adds the records to their rollup rows, one statement per row touched. */
  void add(List<UsageRecord> records) {
    Map<Key, UsageTotals> deltas = new TreeMap<>(KEY_ORDER);
    for (UsageRecord r : records) {
      Key key = Key.of(r, zone);
      deltas.put(key, deltas.getOrDefault(key, UsageTotals.ZERO).plus(r));
    }
    apply(deltas);
  }

  /**
   * Moves a corrected record's row from what it added before ({@code before}) to what it adds now:
   * a later source gave its cost or its 1-hour cache writes.
   */
  void correct(UsageRecord corrected, UsageTotals before) {
    Map<Key, UsageTotals> deltas = new TreeMap<>(KEY_ORDER);
    deltas.put(Key.of(corrected, zone), UsageTotals.ZERO.plus(corrected).minus(before));
    apply(deltas);
  }

  private void apply(Map<Key, UsageTotals> deltas) {
    EntityManager em = Panache.getEntityManager();
    deltas.forEach(
        (key, delta) -> {
          if (upsert) {
            Query insert = em.createNativeQuery(UPSERT);
            bindTotals(insert, bindKey(insert, 1, key), delta);
            insert.executeUpdate();
            return;
          }
          Query update = em.createNativeQuery(UPDATE);
          int p = bindTotals(update, 1, delta);
          bindKey(update, p, key);
          if (update.executeUpdate() == 0) {
            Query insert = em.createNativeQuery(INSERT);
            bindTotals(insert, bindKey(insert, 1, key), delta);
            insert.executeUpdate();
          }
        });
  }

  private static int bindTotals(Query query, int position, UsageTotals totals) {
    int p = position;
    for (Object value : totals.values()) {
      query.setParameter(p++, value);
    }
    return p;
  }

  private static int bindKey(Query query, int position, Key key) {
    query.setParameter(position, key.day());
    query.setParameter(position + 1, key.projectId());
    query.setParameter(position + 2, key.provider());
    query.setParameter(position + 3, key.model());
    query.setParameter(position + 4, key.role());
    query.setParameter(position + 5, key.instance());
    return position + 6;
  }

  /** Totals of the rows the filter selects. */
  UsageTotals total(Filter filter) {
    Object[] row =
        (Object[]) filtered("select " + SUMS + " from usage_rollup", filter, "").getSingleResult();
    return UsageTotals.read(row, 0);
  }

  /** Totals per group, in no particular order. */
  Map<String, UsageTotals> byGroup(UsageGrouping grouping, Filter filter) {
    Map<String, UsageTotals> groups = new LinkedHashMap<>();
    grouped(grouping.columns(), grouping.columnCount(), filter, "")
        .forEach((parts, totals) -> groups.put(String.join("/", parts), totals));
    return groups;
  }

  /** Totals per day and model, ordered by day, then model; the key is [day, model]. */
  Map<List<String>, UsageTotals> byDayAndModel(Filter filter) {
    return grouped("usage_day, model", 2, filter, " order by usage_day, model");
  }

  private static Map<List<String>, UsageTotals> grouped(
      String columns, int keyColumns, Filter filter, String order) {
    String sql = "select " + columns + ", " + SUMS + " from usage_rollup";
    List<?> rows = filtered(sql, filter, " group by " + columns + order).getResultList();
    Map<List<String>, UsageTotals> groups = new LinkedHashMap<>();
    for (Object row : rows) {
      Object[] cells = (Object[]) row;
      List<String> parts = new ArrayList<>();
      for (int i = 0; i < keyColumns; i++) {
        parts.add(String.valueOf(cells[i]));
      }
      groups.put(parts, UsageTotals.read(cells, keyColumns));
    }
    return groups;
  }

  private static Query filtered(String select, Filter filter, String tail) {
    List<String> conditions = new ArrayList<>();
    if (filter.since() != null) {
      conditions.add("usage_day >= :since");
    }
    if (filter.projectId() != null) {
      conditions.add("project_id = :project");
    }
    if (filter.instanceIds() != null) {
      // An empty "in ()" is not SQL; no instance means no rows.
      conditions.add(filter.instanceIds().isEmpty() ? "1 = 0" : "instance_id in (:instances)");
    }
    String where = conditions.isEmpty() ? "" : " where " + String.join(" and ", conditions);
    Query query = Panache.getEntityManager().createNativeQuery(select + where + tail);
    if (filter.since() != null) {
      query.setParameter("since", filter.since());
    }
    if (filter.projectId() != null) {
      query.setParameter("project", filter.projectId());
    }
    if (filter.instanceIds() != null && !filter.instanceIds().isEmpty()) {
      query.setParameter("instances", filter.instanceIds());
    }
    return query;
  }
}
