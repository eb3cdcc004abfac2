package dev.sessionsidecar.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.sessionsidecar.testing.SidecarProcess;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.LocalDate;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

/**
 * The packaged sidecar started on a data directory whose usage totals were rolled up before they
 * were kept per instance (schema version 9): the old totals still count in every-pod figures, and a
 * view narrowed to this sidecar's pod counts only what it recorded since.
 */
class UsageRollupMigrationIT {

  private static final ObjectMapper JSON = new ObjectMapper();

  @Test
  void oldTotalsCountForTheFleetAndNewOnesForTheirInstanceToo() throws Exception {
    EarlierDataDirectory earlier = EarlierDataDirectory.atVersion("9");
    try (Connection db = earlier.connect()) {
      insertRollup(db, LocalDate.now(ZoneOffset.UTC), 4, 4000, "1.5");
    }

    SidecarProcess sidecar = SidecarProcess.start(earlier.dir()).awaitReady();
    try {
      var recorded =
          sidecar.post(
              sidecar.apiUrl("/v1/usage"),
              "{\"provider\":\"acme\",\"model\":\"m-1\",\"input_tokens\":10,\"output_tokens\":1,"
                  + "\"cost_usd\":0.25}");
      assertEquals(201, recorded.statusCode(), recorded.body());
      String instance = get(sidecar, "/v1/instances").get(0).get("instance").asText();

      JsonNode fleet = get(sidecar, "/v1/usage/summary?since_days=1").get("usage");
      assertEquals(5, fleet.get("requests").asLong());
      assertEquals(4010, fleet.get("input_tokens").asLong());
      assertEquals(1.75, fleet.get("cost_usd").asDouble(), 1e-9);

      JsonNode pod = get(sidecar, "/v1/usage/summary?since_days=1&pod=" + instance).get("usage");
      assertEquals(1, pod.get("requests").asLong());
      assertEquals(10, pod.get("input_tokens").asLong());
      assertEquals(0.25, pod.get("cost_usd").asDouble(), 1e-9);

      JsonNode groups = get(sidecar, "/v1/usage/stats?since_days=1&group_by=model").get("groups");
      assertEquals(1, groups.size(), "one model, whichever instance rolled it up: " + groups);
      assertEquals(5, groups.get(0).get("figures").get("requests").asLong());
    } finally {
      sidecar.stop();
    }
  }

  /** One rollup row of the old shape: {@code requests} reported-cost calls of model acme/m-1. */
  private static void insertRollup(
      Connection db, LocalDate day, int requests, long inputTokens, String costUsd)
      throws Exception {
    StringBuilder zeros = new StringBuilder();
    for (int bucket = 0; bucket < 14; bucket++) {
      zeros.append(", lat_b").append(bucket);
    }
    try (PreparedStatement insert =
        db.prepareStatement(
            "INSERT INTO usage_rollup (usage_day, project_id, provider, model, call_role,"
                + " requests, errors, input_tokens, output_tokens, cache_read_tokens,"
                + " cache_write_tokens, reasoning_tokens, reported_cost_usd, estimated_cost_usd,"
                + " reported_requests, estimated_requests, unknown_cost_requests,"
                + " latency_requests, latency_sum_ms"
                + zeros
                + ") VALUES (?, 0, 'acme', 'm-1', 'agent', ?, 0, ?, 0, 0, 0, 0, ?, 0, ?, 0, 0, 0, 0"
                + ", 0".repeat(14)
                + ")")) {
      insert.setObject(1, day);
      insert.setInt(2, requests);
      insert.setLong(3, inputTokens);
      insert.setBigDecimal(4, new java.math.BigDecimal(costUsd));
      insert.setInt(5, requests);
      insert.executeUpdate();
    }
  }

  private static JsonNode get(SidecarProcess sidecar, String path) throws Exception {
    var response = sidecar.get(sidecar.apiUrl(path));
    assertEquals(200, response.statusCode(), response.body());
    return JSON.readTree(response.body());
  }
}
