import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.Timestamp;
import java.time.Instant;

/**
 * The baseline for array intake: raw JDBC batch inserts of 1,000 rows, one commit per batch, into
 * usage_record of the same H2 database file (run while the sidecar is stopped).
 *
 * <p>Usage: java -cp h2.jar JdbcBatchBaseline.java DATA_DIR ROWS
 */
public class JdbcBatchBaseline {

  public static void main(String[] args) throws Exception {
    String url = "jdbc:h2:file:" + args[0] + "/sidecar;WRITE_DELAY=0";
    int rows = Integer.parseInt(args[1]);
    try (Connection c = DriverManager.getConnection(url, "sidecar", "")) {
      c.setAutoCommit(false);
      String sql =
          "insert into usage_record (id, provider, model, call_role, input_tokens, output_tokens,"
              + " cache_read_tokens, cache_write_tokens, reasoning_tokens, cost_usd, cost_source,"
              + " latency_ms, ok, created_at, recorded_at) values (NEXT VALUE FOR usage_record_seq, ?, ?,"
              + " ?, ?, ?, ?, 0, 0, ?,"
              + " 'ESTIMATED', ?, true, ?, ?)";
      long started = System.nanoTime();
      try (PreparedStatement insert = c.prepareStatement(sql)) {
        for (int i = 0; i < rows; i++) {
          Timestamp now = Timestamp.from(Instant.now());
          insert.setString(1, "openai");
          insert.setString(2, "gpt-4o");
          insert.setString(3, "agent");
          insert.setLong(4, 10_000 + i % 1000);
          insert.setLong(5, 500);
          insert.setLong(6, 5_000);
          insert.setBigDecimal(7, new java.math.BigDecimal("0.0123"));
          insert.setLong(8, 1_500);
          insert.setTimestamp(9, now);
          insert.setTimestamp(10, now);
          insert.addBatch();
          if ((i + 1) % 1000 == 0) {
            insert.executeBatch();
            c.commit();
          }
        }
        insert.executeBatch();
        c.commit();
      }
      double seconds = (System.nanoTime() - started) / 1e9;
      System.out.printf("raw JDBC batch baseline: %d rows in batches of 1000: %.1f s, %.0f rows/s%n",
          rows, seconds, rows / seconds);
    }
  }
}
