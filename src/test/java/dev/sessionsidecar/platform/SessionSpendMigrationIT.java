package dev.sessionsidecar.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.sessionsidecar.testing.SidecarProcess;
import java.sql.Connection;
import org.junit.jupiter.api.Test;

/**
 * The packaged sidecar started on a data directory of schema version 11, whose session already has
 * usage records: the session's running spend is filled from them, so a session budget created
 * afterwards counts what was spent before.
 */
class SessionSpendMigrationIT {

  private static final ObjectMapper JSON = new ObjectMapper();

  @Test
  void aSessionsSpendBeforeTheUpgradeCountsForItsBudget() throws Exception {
    EarlierDataDirectory earlier = EarlierDataDirectory.atVersion("11");
    try (Connection db = earlier.connect()) {
      db.createStatement()
          .execute(
              "INSERT INTO project (path, name, created_at) VALUES ('/srv/old', 'old',"
                  + " CURRENT_TIMESTAMP)");
      db.createStatement()
          .execute(
              "INSERT INTO agent_session (id, project_id, status, started_at, activated_at,"
                  + " last_activity_at) VALUES ('old-session', (SELECT id FROM project), 'ACTIVE',"
                  + " CURRENT_TIMESTAMP, CURRENT_TIMESTAMP, CURRENT_TIMESTAMP)");
      db.createStatement()
          .execute(
              "INSERT INTO usage_record (id, session_id, project_id, provider, model, call_role,"
                  + " input_tokens, output_tokens, cache_read_tokens, cache_write_tokens,"
                  + " reasoning_tokens, cost_usd, cost_source, ok, created_at, recorded_at) VALUES"
                  + " (1, 'old-session', (SELECT id FROM project), 'openai', 'gpt-4o', 'agent',"
                  + " 100, 10, 0, 0, 0, 0.3, 'REPORTED', TRUE, CURRENT_TIMESTAMP,"
                  + " CURRENT_TIMESTAMP), (2, 'old-session', (SELECT id FROM project), 'acme',"
                  + " 'unpriced', 'agent', 50, 5, 0, 0, 0, NULL, 'UNKNOWN', TRUE,"
                  + " CURRENT_TIMESTAMP, CURRENT_TIMESTAMP)");
    }

    SidecarProcess sidecar = SidecarProcess.start(earlier.dir()).awaitReady();
    try {
      var created =
          sidecar.post(sidecar.apiUrl("/v1/budgets"), "{\"scope\":\"session\",\"limit_usd\":1}");
      assertEquals(201, created.statusCode(), created.body());
      JsonNode use = JSON.readTree(created.body()).get("use");
      assertEquals("session:old-session", use.get("subject").asText());
      assertEquals(0.3, use.get("used_usd").asDouble(), 1e-9);
      assertEquals(165, use.get("used_tokens").asLong());
      assertEquals(1, use.get("unknown_cost_requests").asLong());
    } finally {
      sidecar.stop();
    }
  }
}
