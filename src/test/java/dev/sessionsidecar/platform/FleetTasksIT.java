package dev.sessionsidecar.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.sessionsidecar.testing.SidecarProcess;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;

/**
 * Background tasks across sidecars sharing one PostgreSQL: each queued task is claimed by one
 * instance, a killed runner's task fails when its lease runs out, a cancel made on one instance
 * stops the run on another, and periodic work runs once per fleet, not once per pod.
 */
class FleetTasksIT extends PostgresqlFleetTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  @Test
  void queuedTasksAreEachClaimedByOneInstanceAndSpreadOverThem() throws Exception {
    fleet = PostgresqlFleet.start(3, Map.of("SIDECAR_TASKS_CONCURRENCY", "1"));
    List<String> ids = new ArrayList<>();
    for (int i = 0; i < 12; i++) {
      ids.add(queue(0, "{\"kind\":\"purge\",\"parameters\":{\"pause_ms\":150}}"));
    }
    for (String id : ids) {
      await(1, id, task -> task.get("status").asText().equals("completed"), 120);
    }
    Map<String, Long> runs =
        fleet.countBy(
            "select runner_id, count(*) from task where kind = 'purge' and status = 'COMPLETED'"
                + " group by runner_id");
    assertEquals(12L, runs.values().stream().mapToLong(Long::longValue).sum(), runs.toString());
    assertTrue(runs.size() >= 2, "the work spread over the instances: " + runs);
    assertEquals(
        Map.of(),
        fleet.countBy(
            "select task_id, count(*) from task where kind = 'purge' and runner_id is null"
                + " group by task_id"),
        "every run names its one runner");
  }

  @Test
  void aKilledRunnersTaskFailsWhenItsLeaseRunsOutNamingTheLostInstance() throws Exception {
    fleet = PostgresqlFleet.start(2, Map.of("SIDECAR_TASKS_LEASE", "3s"));
    String id = queue(0, "{\"kind\":\"purge\",\"parameters\":{\"pause_ms\":4000}}");
    String runner = runnerOf(id);
    int lost = Integer.parseInt(runner.substring("pod-".length()));
    int survivor = 1 - lost;
    fleet.sidecar(lost).kill();

    JsonNode failed = await(survivor, id, task -> task.get("status").asText().equals("failed"), 60);
    assertTrue(failed.get("error").asText().contains(runner), failed.toString());
    assertTrue(failed.get("error").asText().contains("lease"), failed.toString());
  }

  @Test
  void aCancelOnOneInstanceStopsTheRunOnAnother() throws Exception {
    fleet = PostgresqlFleet.start(2, Map.of());
    String id = queue(0, "{\"kind\":\"purge\",\"parameters\":{\"pause_ms\":20000}}");
    String runner = runnerOf(id);
    int runs = Integer.parseInt(runner.substring("pod-".length()));
    SidecarProcess other = fleet.sidecar(1 - runs);

    HttpResponse<String> cancelled = other.post(other.apiUrl("/v1/tasks/" + id + "/cancel"), "{}");
    assertEquals(200, cancelled.statusCode(), cancelled.body());
    SidecarProcess running = fleet.sidecar(runs);
    Instant deadline = Instant.now().plus(Duration.ofSeconds(5));
    while (!running.output().contains("Task " + id + " ended elsewhere")) {
      assertTrue(
          Instant.now().isBefore(deadline), "the runner stops the run:\n" + running.output());
      Thread.sleep(100);
    }
    JsonNode task = get(0, id);
    assertEquals("cancelled", task.get("status").asText());
    assertTrue(task.get("result").isNull(), "no late result");
  }

  @Test
  void periodicWorkRunsOncePerFleetPerPeriod() throws Exception {
    fleet = PostgresqlFleet.start(3, Map.of("SIDECAR_RETENTION_PURGE_EVERY", "2s"));
    Thread.sleep(9_000);
    long purges =
        fleet
            .countBy("select kind, count(*) from task where kind = 'purge' group by kind")
            .getOrDefault("purge", 0L);
    // About 9 s / 2 s runs for the fleet; once per pod would be three times as many.
    assertTrue(purges >= 2 && purges <= 5, "purges queued: " + purges);
  }

  private String queue(int i, String body) throws Exception {
    SidecarProcess sidecar = fleet.sidecar(i);
    HttpResponse<String> created = sidecar.post(sidecar.apiUrl("/v1/tasks"), body);
    assertEquals(201, created.statusCode(), created.body());
    return JSON.readTree(created.body()).get("taskId").asText();
  }

  private JsonNode get(int i, String id) throws Exception {
    SidecarProcess sidecar = fleet.sidecar(i);
    HttpResponse<String> answer = sidecar.get(sidecar.apiUrl("/v1/tasks/" + id));
    assertEquals(200, answer.statusCode(), answer.body());
    return JSON.readTree(answer.body());
  }

  private JsonNode await(int i, String id, Predicate<JsonNode> done, int seconds) throws Exception {
    Instant deadline = Instant.now().plus(Duration.ofSeconds(seconds));
    JsonNode task = get(i, id);
    while (!done.test(task)) {
      assertTrue(Instant.now().isBefore(deadline), "task never got there: " + task);
      Thread.sleep(200);
      task = get(i, id);
    }
    return task;
  }

  /** The instance that claimed the task, once one has. */
  private String runnerOf(String id) throws Exception {
    Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
    while (Instant.now().isBefore(deadline)) {
      Map<String, Long> runner =
          fleet.countBy(
              "select runner_id, 1 from task where runner_id is not null and task_id = '"
                  + id
                  + "'");
      if (!runner.isEmpty()) {
        return runner.keySet().iterator().next();
      }
      Thread.sleep(100);
    }
    throw new AssertionError("task " + id + " was never claimed");
  }
}
