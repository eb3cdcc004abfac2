package dev.sessionsidecar.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.sessionsidecar.testing.SidecarProcess;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The packaged sidecar started on a data directory written by the release before insights had
 * integer ids (schema version 6, UUID ids): every row keeps its finding, occurrences and dismissal
 * and gets a number; numbers go on from there.
 */
class InsightNumberMigrationIT {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String PROJECT = "/src/migrated";

  @Test
  void insightsWithUuidIdsAreNumberedInTheOrderTheyWereFirstSeen() throws Exception {
    EarlierDataDirectory earlier = EarlierDataDirectory.atVersion("6");
    Instant t0 = Instant.parse("2026-11-01T10:00:00Z");
    try (Connection db = earlier.connect()) {
      db.createStatement()
          .execute(
              "INSERT INTO project (path, name, created_at) VALUES ('"
                  + PROJECT
                  + "', 'migrated', CURRENT_TIMESTAMP)");
      // Stored out of first-seen order, so the numbering cannot follow insertion by accident.
      insert(db, "second", 5, t0.plusSeconds(60), null);
      insert(db, "first", 2, t0, null);
      insert(db, "third", 9, t0.plusSeconds(120), "not useful here");
    }

    SidecarProcess sidecar = SidecarProcess.start(earlier.dir()).awaitReady();
    try {
      JsonNode open = get(sidecar, "/v1/insights?project=" + PROJECT + "&limit=10");
      JsonNode dismissed =
          get(sidecar, "/v1/insights?dismissed=true&project=" + PROJECT + "&limit=10");
      assertEquals(2, open.size());
      assertEquals(1, dismissed.size());
      JsonNode first = byTitle(open, "first");
      JsonNode second = byTitle(open, "second");
      JsonNode third = dismissed.get(0);
      assertEquals(List.of(1L, 2L, 3L), List.of(id(first), id(second), id(third)));
      assertEquals(2, first.get("occurrences").asInt());
      assertEquals(5, second.get("occurrences").asInt());
      assertEquals(9, third.get("occurrences").asInt());
      assertEquals("third", third.get("title").asText());
      assertEquals("not useful here", third.get("dismiss_reason").asText());
      assertEquals("file", first.get("evidence").get(0).get("type").asText());
      assertEquals(t0, Instant.parse(first.get("first_seen_at").asText()));

      assertEquals(200, sidecar.get(sidecar.apiUrl("/v1/insights/2")).statusCode());
      var next =
          sidecar.post(
              sidecar.apiUrl("/v1/insights"),
              "{\"project\":\""
                  + PROJECT
                  + "\",\"source\":\"doc_gap\",\"kind\":\"note\",\"title\":\"fourth\","
                  + "\"confidence\":0.5}");
      assertEquals(201, next.statusCode(), next.body());
      assertTrue(id(JSON.readTree(next.body())) > 3, "new numbers come after the migrated ones");
    } finally {
      sidecar.stop();
    }
  }

  private static void insert(
      Connection db, String title, int occurrences, Instant firstSeen, String dismissReason)
      throws Exception {
    try (PreparedStatement insert =
        db.prepareStatement(
            "INSERT INTO insight (id, project_id, source, kind, title, evidence, confidence,"
                + " dedupe_key, first_seen_at, last_seen_at, occurrences, dismissed_at,"
                + " dismiss_reason) VALUES (?, (SELECT id FROM project), 'DOC_GAP', 'note', ?,"
                + " '[{\"type\":\"file\",\"ref\":\"README.md\"}]', 0.7, ?, ?, ?, ?, ?, ?)")) {
      insert.setString(1, UUID.randomUUID().toString());
      insert.setString(2, title);
      insert.setString(3, "note:" + title);
      insert.setObject(4, firstSeen.atOffset(ZoneOffset.UTC));
      insert.setObject(5, firstSeen.plusSeconds(3600).atOffset(ZoneOffset.UTC));
      insert.setInt(6, occurrences);
      insert.setObject(7, dismissReason == null ? null : firstSeen.atOffset(ZoneOffset.UTC));
      insert.setString(8, dismissReason);
      insert.executeUpdate();
    }
  }

  private static JsonNode get(SidecarProcess sidecar, String path) throws Exception {
    var response = sidecar.get(sidecar.apiUrl(path));
    assertEquals(200, response.statusCode(), response.body());
    return JSON.readTree(response.body());
  }

  private static JsonNode byTitle(JsonNode insights, String title) {
    for (JsonNode insight : insights) {
      if (insight.get("title").asText().equals(title)) {
        return insight;
      }
    }
    throw new AssertionError("no insight titled " + title + " in " + insights);
  }

  private static long id(JsonNode insight) {
    assertTrue(insight.get("id").isIntegralNumber(), "id is a JSON integer: " + insight);
    return insight.get("id").asLong();
  }
}
