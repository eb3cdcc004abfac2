package dev.sessionsidecar.platform;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.sessionsidecar.testing.SidecarProcess;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

/**
 * The connection budget of a sidecar on PostgreSQL: with every connection of its pool held (here
 * one, waiting on a table another client locked), the next request is answered 503 with Retry-After
 * naming the budget within the acquisition timeout, readiness goes down, and once the lock is gone
 * the held write completes and is stored: nothing acknowledged is lost.
 */
class ConnectionBudgetIT extends PostgresqlFleetTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  @Test
  void aSidecarWhosePoolIsBusyAnswers503AndLosesNothing() throws Exception {
    fleet =
        PostgresqlFleet.start(
            1,
            Map.of(
                "SIDECAR_POSTGRESQL_POOL_SIZE", "2",
                "SIDECAR_POSTGRESQL_ACQUISITION_TIMEOUT", "1S"));
    SidecarProcess sidecar = fleet.sidecar(0);
    post(sidecar, "/v1/sessions", "{\"session_id\":\"budget\",\"project_path\":\"/budget\"}", 201);

    List<CompletableFuture<HttpResponse<String>>> held;
    try (Connection other = DriverManager.getConnection(fleet.url, "sidecar", "")) {
      other.setAutoCommit(false);
      try (Statement lock = other.createStatement()) {
        lock.execute("LOCK TABLE tool_call IN ACCESS EXCLUSIVE MODE");
      }
      // Each of these writes takes one of the sidecar's two connections and waits for the lock.
      held = List.of(write(sidecar, "held-1"), write(sidecar, "held-2"));
      Thread.sleep(1_500);
      HttpResponse<String> refused = sidecar.get(sidecar.apiUrl("/v1/sessions/budget"));
      assertEquals(503, refused.statusCode(), refused.body());
      assertTrue(refused.headers().firstValue("Retry-After").isPresent(), "Retry-After");
      JsonNode problem = JSON.readTree(refused.body());
      assertThat(problem.path("detail").asText(), containsString("sidecar.postgresql.pool-size"));
      assertEquals(
          503,
          sidecar.get(sidecar.managementUrl("/q/health/ready")).statusCode(),
          "readiness shows the refusal");
      other.rollback();
    }
    CompletableFuture.allOf(held.toArray(CompletableFuture[]::new)).get();
    Map<String, Long> stored =
        fleet.countBy("SELECT call_id, count(*) FROM tool_call GROUP BY call_id");
    for (int i = 0; i < held.size(); i++) {
      HttpResponse<String> written = held.get(i).get();
      // Each held write either waited its turn and was stored, or was refused and stored nothing.
      if (written.statusCode() == 201) {
        assertEquals(1L, stored.get("held-" + (i + 1)), "acknowledged, so stored once");
      } else {
        assertEquals(503, written.statusCode(), written.body());
        assertEquals(null, stored.get("held-" + (i + 1)), "refused, so not stored");
      }
    }
    assertEquals(200, sidecar.get(sidecar.apiUrl("/v1/sessions/budget")).statusCode());
  }

  private static CompletableFuture<HttpResponse<String>> write(SidecarProcess sidecar, String id) {
    String call = "{\"call_id\":\"" + id + "\",\"tool\":\"Bash\",\"arguments\":{}}";
    return CompletableFuture.supplyAsync(
        () -> call(sidecar, "/v1/sessions/budget/tool-calls", call));
  }

  private static void post(SidecarProcess sidecar, String path, String body, int status)
      throws Exception {
    HttpResponse<String> answer = sidecar.post(sidecar.apiUrl(path), body);
    assertEquals(status, answer.statusCode(), answer.body());
  }

  private static HttpResponse<String> call(SidecarProcess sidecar, String path, String body) {
    try {
      return sidecar.post(sidecar.apiUrl(path), body);
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }
}
