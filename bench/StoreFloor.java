import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * What the store allows a backfill: copies the rows a sidecar stored (projects and sessions
 * untimed, then its usage records and tool calls, timed) into another sidecar's freshly migrated
 * H2 file with plain JDBC batches of 1,000 rows, one commit each, as the sidecar's own URL opens
 * it. No parsing, no checks, no Hibernate: the floor the sidecar's backfill is measured against.
 * Run with both sidecars stopped and the heap the sidecar has (H2 sizes its write buffer from it).
 *
 * <p>Usage: java -Xmx128m -cp h2.jar StoreFloor.java FROM_DATA_DIR TO_DATA_DIR [MORE_URL_SETTINGS]
 * [REQUEST_KEY]
 *
 * <p>REQUEST_KEY tries another key for the usage records' request ids in the copy (an experiment,
 * not the schema): {@code unique} (the default, the shipped unique index on {@code request_id}),
 * {@code none} (no index on it), {@code per-session} (unique per session and request id), {@code
 * hash} (a unique index on a 64-bit hash of the request id, in a column added to the copy).
 */
public class StoreFloor {

  private static final int BATCH = 1000;

  public static void main(String[] args) throws Exception {
    String options =
        ";WRITE_DELAY=0;DB_CLOSE_ON_EXIT=FALSE;RETENTION_TIME=1000"
            + (args.length > 2 && !args[2].isEmpty() ? ";" + args[2] : "");
    try (Connection from =
            DriverManager.getConnection("jdbc:h2:file:" + args[0] + "/sidecar", "sidecar", "");
        Connection to =
            DriverManager.getConnection(
                "jdbc:h2:file:" + args[1] + "/sidecar" + options, "sidecar", "")) {
      String requestKey = args.length > 3 ? args[3] : "unique";
      keyRequestIds(to, requestKey);
      to.setAutoCommit(false);
      copy(from, to, "project");
      copy(from, to, "agent_session");
      long started = System.nanoTime();
      long usage = copy(from, to, "usage_record");
      double usageSeconds = (System.nanoTime() - started) / 1e9;
      long calls = copy(from, to, "tool_call");
      double seconds = (System.nanoTime() - started) / 1e9;
      System.out.printf(
          "store floor%s: %d usage records in %.1f s, then %d tool calls: %.1f s in all%n",
          requestKey.equals("unique") ? "" : " (request ids keyed " + requestKey + ")",
          usage, usageSeconds, calls, seconds);
    }
  }

  /** Replaces the unique index on the usage records' request ids as {@code key} says. */
  private static void keyRequestIds(Connection to, String key) throws Exception {
    if (!List.of("unique", "none", "per-session", "hash").contains(key)) {
      throw new IllegalArgumentException("REQUEST_KEY: unique, none, per-session or hash");
    }
    try (Statement ddl = to.createStatement()) {
      if (key.equals("unique")) {
        return;
      }
      ddl.execute("alter table usage_record drop constraint uq_usage_request_id");
      if (key.equals("per-session")) {
        ddl.execute("alter table usage_record add unique (session_id, request_id)");
      } else if (key.equals("hash")) {
        ddl.execute("alter table usage_record add column request_key bigint");
        ddl.execute("create unique index ix_request_key on usage_record (request_key)");
      }
    }
  }

  /** A 64-bit hash of a request id, for the {@code hash} key; null for none. */
  private static Long requestKey(String requestId) {
    if (requestId == null) {
      return null;
    }
    long hash = 1125899906842597L;
    for (int i = 0; i < requestId.length(); i++) {
      hash = 31 * hash + requestId.charAt(i);
    }
    hash ^= hash >>> 29;
    return hash * 0xbf58476d1ce4e5b9L;
  }

  /** Copies every row of the table in id order, a commit per batch; answers how many. */
  private static long copy(Connection from, Connection to, String table) throws Exception {
    try (Statement select = from.createStatement();
        ResultSet rows = select.executeQuery("select * from " + table + " order by id")) {
      ResultSetMetaData meta = rows.getMetaData();
      List<String> columns = new ArrayList<>();
      for (int i = 1; i <= meta.getColumnCount(); i++) {
        columns.add(meta.getColumnName(i));
      }
      int copied = columns.size();
      boolean hashed = table.equals("usage_record") && hasColumn(to, table, "REQUEST_KEY");
      if (hashed) {
        columns.add("REQUEST_KEY");
      }
      String sql =
          "insert into "
              + table
              + " ("
              + String.join(", ", columns)
              + ") values ("
              + String.join(", ", columns.stream().map(c -> "?").toList())
              + ")";
      long count = 0;
      try (PreparedStatement insert = to.prepareStatement(sql)) {
        while (rows.next()) {
          for (int i = 1; i <= copied; i++) {
            insert.setObject(i, rows.getObject(i));
          }
          if (hashed) {
            insert.setObject(copied + 1, requestKey(rows.getString("REQUEST_ID")));
          }
          insert.addBatch();
          if (++count % BATCH == 0) {
            insert.executeBatch();
            to.commit();
          }
        }
        insert.executeBatch();
        to.commit();
      }
      return count;
    }
  }

  private static boolean hasColumn(Connection db, String table, String column) throws Exception {
    try (ResultSet found =
        db.getMetaData().getColumns(null, null, table.toUpperCase(), column)) {
      return found.next();
    }
  }
}
