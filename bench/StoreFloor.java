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
 */
public class StoreFloor {

  private static final int BATCH = 1000;

  public static void main(String[] args) throws Exception {
    String options =
        ";WRITE_DELAY=0;DB_CLOSE_ON_EXIT=FALSE;RETENTION_TIME=1000"
            + (args.length > 2 ? ";" + args[2] : "");
    try (Connection from =
            DriverManager.getConnection("jdbc:h2:file:" + args[0] + "/sidecar", "sidecar", "");
        Connection to =
            DriverManager.getConnection(
                "jdbc:h2:file:" + args[1] + "/sidecar" + options, "sidecar", "")) {
      to.setAutoCommit(false);
      copy(from, to, "project");
      copy(from, to, "agent_session");
      long started = System.nanoTime();
      long usage = copy(from, to, "usage_record");
      double usageSeconds = (System.nanoTime() - started) / 1e9;
      long calls = copy(from, to, "tool_call");
      double seconds = (System.nanoTime() - started) / 1e9;
      System.out.printf(
          "store floor: %d usage records in %.1f s, then %d tool calls: %.1f s in all%n",
          usage, usageSeconds, calls, seconds);
    }
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
          for (int i = 1; i <= columns.size(); i++) {
            insert.setObject(i, rows.getObject(i));
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
}
