package dev.sessionsidecar.usage;

import static dev.sessionsidecar.testing.Api.newProject;
import static dev.sessionsidecar.testing.Api.newSession;
import static dev.sessionsidecar.testing.Api.tool;
import static dev.sessionsidecar.testing.Api.with;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

import dev.sessionsidecar.testing.TestStore;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Days are the configured zone's: two calls on two UTC days are one day in Tokyo (UTC+9). */
@QuarkusTest
@TestProfile(UsageTimeZoneTest.Tokyo.class)
class UsageTimeZoneTest {

  /** Reports and budgets by Tokyo's days. */
  public static class Tokyo implements QuarkusTestProfile {
    @Override
    public Map<String, String> getConfigOverrides() {
      Map<String, String> config = new HashMap<>(TestStore.fresh("tokyo"));
      config.put("sidecar.usage.time-zone", "Asia/Tokyo");
      return config;
    }
  }

  @Test
  void callsOnTwoUtcDaysAreOneDayInTheConfiguredZone() {
    String session = newSession(newProject());
    Map<String, Object> call = UsageTest.call("anthropic", "claude-sonnet-4-5", 1_000, 100);
    call.put("session_id", session);
    // 23:30 and 00:30 UTC: 08:30 and 09:30 of 2026-12-01 in Tokyo.
    UsageTest.post(with(call, "created_at", "2026-11-30T23:30:00Z")).statusCode(201);
    UsageTest.post(with(call, "created_at", "2026-12-01T00:30:00Z")).statusCode(201);
    tool(Map.of("action", "usage_stats", "group_by", "day", "since_days", 0))
        .statusCode(200)
        .body("data.groups", hasSize(1))
        .body("data.groups[0].group", equalTo("2026-12-01"))
        .body("data.groups[0].figures.requests", equalTo(2))
        .body("data.scope.time_zone", equalTo("Asia/Tokyo"));
    tool(Map.of("action", "usage_summary", "since_days", 7))
        .statusCode(200)
        .body("text", containsString("Asia/Tokyo days from"));
  }
}
