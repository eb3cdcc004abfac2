import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Fills a stopped sidecar's H2 file with a large history for the recap benchmark: SESSIONS
 * sessions spread over 20 projects and the last 30 days, CALLS_PER_SESSION tool calls and
 * USAGE_PER_SESSION usage records each (with their daily rollups), plus goals, preferences,
 * insights and tasks. The newest session, in the first project, is left active.
 *
 * <p>Usage: java -cp h2.jar RecapSeed.java DATA_DIR SESSIONS CALLS_PER_SESSION USAGE_PER_SESSION
 */
public class RecapSeed {

  static final int PROJECTS = 20;
  static final int BATCH = 5_000;
  static final String[] TOOLS = {"Bash", "Read", "Edit", "Grep", "Write", "WebFetch"};
  static final String[] MODELS = {"claude-sonnet-4-5", "claude-haiku-4-5", "gpt-4o"};

  public static void main(String[] args) throws Exception {
    String url = "jdbc:h2:file:" + args[0] + "/sidecar;WRITE_DELAY=0";
    int sessions = Integer.parseInt(args[1]);
    int callsPerSession = Integer.parseInt(args[2]);
    int usagePerSession = Integer.parseInt(args[3]);
    Instant now = Instant.now();
    Instant start = now.minus(Duration.ofDays(30));
    long step = Duration.between(start, now).toMillis() / sessions;
    long began = System.nanoTime();
    try (Connection c = DriverManager.getConnection(url, "sidecar", "")) {
      c.setAutoCommit(false);
      List<Long> projects = projects(c, now);
      try (PreparedStatement session =
              c.prepareStatement(
                  "insert into agent_session (id, project_id, status, started_at, activated_at,"
                      + " last_activity_at, ended_at, end_reason, summary, tool_call_count,"
                      + " error_count) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
          PreparedStatement call =
              c.prepareStatement(
                  "insert into tool_call (session_id, tool, arguments, arguments_truncated, ok,"
                      + " error, duration_ms, started_at, recorded_at) values (?, ?, ?, false, ?,"
                      + " ?, ?, ?, ?)");
          PreparedStatement usage =
              c.prepareStatement(
                  "insert into usage_record (id, session_id, project_id, provider, model,"
                      + " call_role, input_tokens, output_tokens, cache_read_tokens,"
                      + " cache_write_tokens, reasoning_tokens, cost_usd, cost_source, ok,"
                      + " created_at, recorded_at) values (?, ?, ?, ?, ?, 'agent', ?, ?, 0, 0, 0,"
                      + " ?, 'REPORTED', true, ?, ?)")) {
        long usageId = 1;
        int pending = 0;
        for (int s = 0; s < sessions; s++) {
          boolean last = s == sessions - 1;
          String id = "bench-" + s;
          long project = last ? projects.get(0) : projects.get(s % PROJECTS);
          Instant started = start.plusMillis(step * s);
          Instant ended = started.plusMillis(step / 2);
          int errors = s % 7 == 0 ? 1 : 0;
          session.setString(1, id);
          session.setLong(2, project);
          session.setString(3, last ? "ACTIVE" : "COMPLETED");
          session.setTimestamp(4, Timestamp.from(started));
          session.setTimestamp(5, Timestamp.from(started));
          session.setTimestamp(6, Timestamp.from(ended));
          session.setTimestamp(7, last ? null : Timestamp.from(ended));
          session.setString(8, last ? null : "completed");
          session.setString(9, last ? null : "Worked on task " + s);
          session.setLong(10, callsPerSession);
          session.setLong(11, errors);
          session.addBatch();
          for (int k = 0; k < callsPerSession; k++) {
            Instant at = started.plusMillis(k);
            call.setString(1, id);
            call.setString(2, TOOLS[(s + k) % TOOLS.length]);
            call.setString(3, "{\"n\":" + k + "}");
            call.setBoolean(4, !(errors == 1 && k == 0));
            call.setString(5, errors == 1 && k == 0 ? "exit 1" : null);
            call.setLong(6, 50 + (k * 37L) % 900);
            call.setTimestamp(7, Timestamp.from(at));
            call.setTimestamp(8, Timestamp.from(at));
            call.addBatch();
          }
          for (int k = 0; k < usagePerSession; k++) {
            Instant at = started.plusMillis(k);
            usage.setLong(1, usageId++);
            usage.setString(2, id);
            usage.setLong(3, project);
            usage.setString(4, k % 3 == 2 ? "openai" : "anthropic");
            usage.setString(5, MODELS[k % 3]);
            usage.setLong(6, 10_000 + k);
            usage.setLong(7, 500);
            usage.setBigDecimal(8, new BigDecimal("0.0123"));
            usage.setTimestamp(9, Timestamp.from(at));
            usage.setTimestamp(10, Timestamp.from(at));
            usage.addBatch();
          }
          pending += 1 + callsPerSession + usagePerSession;
          if (pending >= BATCH || last) {
            session.executeBatch();
            call.executeBatch();
            usage.executeBatch();
            c.commit();
            pending = 0;
          }
        }
        try (Statement st = c.createStatement()) {
          st.execute("alter sequence usage_record_seq restart with " + (usageId + 1000));
          st.execute(
              "insert into usage_rollup select cast(created_at as date), project_id, provider,"
                  + " model, call_role, count(*), 0, sum(input_tokens), sum(output_tokens), 0, 0,"
                  + " 0, sum(cost_usd), 0, count(*), 0, 0, 0, 0,"
                  + " 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0"
                  + " from usage_record group by cast(created_at as date), project_id, provider,"
                  + " model, call_role");
        }
        seedTheRest(c, projects.get(0), now);
        c.commit();
      }
    }
    System.out.printf(
        "seeded %,d sessions, %,d tool calls, %,d usage records in %.0f s%n",
        sessions,
        (long) sessions * callsPerSession,
        (long) sessions * usagePerSession,
        (System.nanoTime() - began) / 1e9);
  }

  static List<Long> projects(Connection c, Instant now) throws Exception {
    List<Long> ids = new ArrayList<>();
    try (PreparedStatement insert =
        c.prepareStatement(
            "insert into project (path, name, created_at) values (?, ?, ?)",
            Statement.RETURN_GENERATED_KEYS)) {
      for (int p = 0; p < PROJECTS; p++) {
        insert.setString(1, "/srv/bench/project-" + p);
        insert.setString(2, "project-" + p);
        insert.setTimestamp(3, Timestamp.from(now.minus(Duration.ofDays(31))));
        insert.executeUpdate();
        try (ResultSet keys = insert.getGeneratedKeys()) {
          keys.next();
          ids.add(keys.getLong(1));
        }
      }
    }
    return ids;
  }

  /** A realistic amount of the small tables: goals, preferences, insights, tasks. */
  static void seedTheRest(Connection c, long project, Instant now) throws Exception {
    Timestamp t = Timestamp.from(now.minus(Duration.ofHours(1)));
    try (Statement st = c.createStatement()) {
      for (int i = 0; i < 50; i++) {
        st.execute(
            String.format(
                "insert into goal values ('goal-%d', %d, 'Goal %d', null, '%s', '%s', %d, '%s', '%s')",
                i,
                project,
                i,
                new String[] {"PLANNING", "IN_PROGRESS", "BLOCKED", "COMPLETED"}[i % 4],
                new String[] {"LOW", "MEDIUM", "HIGH", "CRITICAL"}[i % 4],
                i * 2 % 100,
                t,
                t));
        st.execute(
            String.format(
                "insert into insight values ('insight-%d', %d, 'PONDERING', 'note', 'Insight %d',"
                    + " null, '[]', %s, 'bench:%d', '%s', '%s', 1, null, null)",
                i, project, i, (i % 10) / 10.0, i, t, t));
      }
      for (int i = 0; i < 20; i++) {
        st.execute(
            String.format(
                "insert into preference values (%d, 'key-%d', 'value %d', '%s')",
                i % 2 == 0 ? 0 : project, i, i, t));
      }
      for (int i = 0; i < 30; i++) {
        st.execute(
            String.format(
                "insert into task (task_id, kind, owner, title, status, created_at,"
                    + " last_updated_at, expires_at, ttl_ms, poll_interval_ms) values"
                    + " ('task-%d', 'external', 'agent', 'Task %d', '%s', '%s', '%s', '%s',"
                    + " 86400000, 2000)",
                i,
                i,
                new String[] {"WORKING", "FAILED", "COMPLETED"}[i % 3],
                t,
                t,
                Timestamp.from(now.plus(Duration.ofDays(1)))));
      }
    }
  }
}
