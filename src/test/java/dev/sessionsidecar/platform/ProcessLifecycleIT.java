package dev.sessionsidecar.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.sessionsidecar.testing.SidecarProcess;
import java.io.IOException;
import java.math.BigDecimal;
import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Runs the packaged sidecar as a real process: kill -9, restart, a second process, binding. */
class ProcessLifecycleIT {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final int WRITERS = 4;
  private static final int ACKNOWLEDGED_BEFORE_KILL = 300;

  @TempDir Path temp;

  @Test
  void everyAcknowledgedWriteSurvivesKillNine() throws Exception {
    acknowledgedWritesSurvive(temp.resolve("nested").resolve("data"), SidecarProcess::kill);
  }

  @Test
  void sigtermLetsInFlightWritesFinishAndExitsWithinSeconds() throws Exception {
    acknowledgedWritesSurvive(
        temp.resolve("sigterm"),
        sidecar -> {
          long started = System.nanoTime();
          sidecar.process().destroy(); // SIGTERM
          assertTrue(
              sidecar.process().waitFor(10, TimeUnit.SECONDS),
              "the sidecar exits within 10 s of SIGTERM");
          long millis = (System.nanoTime() - started) / 1_000_000;
          assertTrue(millis < 10_000, "stopped in " + millis + " ms");
          assertTrue(
              sidecar.output().contains("stopped in"),
              "Quarkus logged a clean stop: " + sidecar.output());
        });
  }

  /** How a test ends the sidecar while writers are busy. */
  @FunctionalInterface
  interface StopAction {
    void stop(SidecarProcess sidecar) throws Exception;
  }

  private void acknowledgedWritesSurvive(Path dataDir, StopAction stopAction) throws Exception {
    SidecarProcess sidecar = SidecarProcess.start(dataDir).awaitReady();
    assertTrue(Files.isDirectory(dataDir), "the data directory is created on first start");
    assertEquals(
        201,
        sidecar
            .post(
                sidecar.apiUrl("/v1/sessions"),
                "{\"session_id\":\"crash-1\",\"project_path\":\"/srv/crash\"}")
            .statusCode());

    Set<String> acknowledged = ConcurrentHashMap.newKeySet();
    Set<String> acknowledgedUsage = ConcurrentHashMap.newKeySet();
    Set<String> acknowledgedSessions = ConcurrentHashMap.newKeySet();
    Set<String> acknowledgedTasks = ConcurrentHashMap.newKeySet();
    CountDownLatch enough = new CountDownLatch(ACKNOWLEDGED_BEFORE_KILL);
    AtomicBoolean stop = new AtomicBoolean();
    ExecutorService writers = Executors.newFixedThreadPool(WRITERS);
    for (int w = 0; w < WRITERS; w++) {
      int writer = w;
      writers.submit(
          () -> {
            for (int i = 0; !stop.get() && i < 100_000; i++) {
              String callId = "w" + writer + "-" + i;
              try {
                HttpResponse<String> response =
                    sidecar.post(
                        sidecar.apiUrl("/v1/sessions/crash-1/tool-calls"),
                        "{\"call_id\":\"" + callId + "\",\"tool\":\"Bash\"}");
                if (response.statusCode() == 201) {
                  acknowledged.add(callId);
                  enough.countDown();
                }
                HttpResponse<String> usage =
                    sidecar.post(
                        sidecar.apiUrl("/v1/usage"),
                        "{\"request_id\":\""
                            + callId
                            + "\",\"session_id\":\"crash-1\",\"provider\":\"openai\","
                            + "\"model\":\"gpt-4o\",\"input_tokens\":10,\"output_tokens\":1}");
                if (usage.statusCode() == 201) {
                  acknowledgedUsage.add(callId);
                }
                if (i % 10 == 0) {
                  // Sessions and agent tasks too, now and then: they must survive as well.
                  HttpResponse<String> started =
                      sidecar.post(
                          sidecar.apiUrl("/v1/sessions"),
                          "{\"session_id\":\"s-" + callId + "\",\"project_path\":\"/srv/crash\"}");
                  if (started.statusCode() == 201) {
                    acknowledgedSessions.add("s-" + callId);
                  }
                  HttpResponse<String> task =
                      sidecar.post(
                          sidecar.apiUrl("/v1/tasks"),
                          "{\"kind\":\"external\",\"title\":\"" + callId + "\"}");
                  if (task.statusCode() == 201) {
                    acknowledgedTasks.add(JSON.readTree(task.body()).get("taskId").asText());
                  }
                }
              } catch (IOException | InterruptedException killed) {
                return null;
              }
            }
            return null;
          });
    }
    assertTrue(enough.await(120, TimeUnit.SECONDS), "writes were acknowledged");
    stopAction.stop(sidecar);
    stop.set(true);
    writers.shutdown();
    assertTrue(writers.awaitTermination(30, TimeUnit.SECONDS));

    SidecarProcess restarted = SidecarProcess.start(dataDir).awaitReady();
    try {
      Set<String> stored = storedIds(restarted, "/v1/sessions/crash-1/tool-calls", "call_id");
      assertAllStored(acknowledged, stored, "tool calls");
      JsonNode session =
          JSON.readTree(restarted.get(restarted.apiUrl("/v1/sessions/crash-1")).body());
      assertEquals(stored.size(), session.get("tool_calls").asInt(), "count matches stored rows");
      Set<String> storedUsage = storedIds(restarted, "/v1/usage", "request_id");
      assertAllStored(acknowledgedUsage, storedUsage, "usage records");
      JsonNode summary =
          JSON.readTree(restarted.get(restarted.apiUrl("/v1/usage/summary?since_days=0")).body());
      assertEquals(
          storedUsage.size(),
          summary.get("usage").get("requests").asInt(),
          "the rollups agree with the stored records");
      assertTrue(
          !acknowledgedSessions.isEmpty() && !acknowledgedTasks.isEmpty(),
          "sessions and tasks were written during the run");
      for (String id : acknowledgedSessions) {
        assertEquals(
            200,
            restarted.get(restarted.apiUrl("/v1/sessions/" + id)).statusCode(),
            "session " + id);
      }
      for (String id : acknowledgedTasks) {
        assertEquals(
            200, restarted.get(restarted.apiUrl("/v1/tasks/" + id)).statusCode(), "task " + id);
      }
    } finally {
      restarted.stop();
    }
  }

  @Test
  void tasksRunningAtAKillFailOnRestartQueuedOnesRunAgentTasksStay() throws Exception {
    Path dataDir = temp.resolve("tasks");
    SidecarProcess sidecar = SidecarProcess.start(dataDir).awaitReady();
    String slow = "{\"kind\":\"purge\",\"parameters\":{\"pause_ms\":60000}}";
    String first = taskId(sidecar.post(sidecar.apiUrl("/v1/tasks"), slow));
    String second = taskId(sidecar.post(sidecar.apiUrl("/v1/tasks"), slow));
    String queued = taskId(sidecar.post(sidecar.apiUrl("/v1/tasks"), "{\"kind\":\"backup\"}"));
    String agent =
        taskId(
            sidecar.post(
                sidecar.apiUrl("/v1/tasks"), "{\"kind\":\"external\",\"title\":\"agent work\"}"));
    awaitField(sidecar, first, "statusMessage", "deleting tool_calls");
    awaitField(sidecar, second, "statusMessage", "deleting tool_calls");
    assertEquals("queued", task(sidecar, queued).get("statusMessage").asText());
    sidecar.kill();

    SidecarProcess restarted = SidecarProcess.start(dataDir).awaitReady();
    try {
      for (String id : List.of(first, second)) {
        JsonNode task = task(restarted, id);
        assertEquals("failed", task.get("status").asText());
        assertTrue(task.get("statusMessage").asText().contains("restarted"), task.toString());
      }
      awaitField(restarted, queued, "status", "completed");
      assertEquals("working", task(restarted, agent).get("status").asText());
    } finally {
      restarted.stop();
    }
  }

  /** A budget from configuration follows it across restarts: changed in place, gone once unset. */
  @Test
  void aConfiguredBudgetFollowsTheConfigurationAcrossRestarts() throws Exception {
    Path dataDir = temp.resolve("budgets");
    JsonNode first = budgetsAfterStart(dataDir, Map.of("SIDECAR_BUDGET_SESSION_USD", "1"));
    assertEquals(1, first.size(), first.toString());
    assertEquals("config:session-usd", first.get(0).get("origin").asText());
    assertEquals(0, first.get(0).get("limit_usd").decimalValue().compareTo(BigDecimal.ONE));

    JsonNode changed = budgetsAfterStart(dataDir, Map.of("SIDECAR_BUDGET_SESSION_USD", "2.5"));
    assertEquals(1, changed.size(), "the seeded budget is updated, not seeded twice: " + changed);
    assertEquals(first.get(0).get("id").asLong(), changed.get(0).get("id").asLong());
    assertEquals(
        0, changed.get(0).get("limit_usd").decimalValue().compareTo(new BigDecimal("2.5")));

    JsonNode unset = budgetsAfterStart(dataDir, Map.of());
    assertEquals(0, unset.size(), "the key unset, its budget is gone: " + unset);
  }

  private static JsonNode budgetsAfterStart(Path dataDir, Map<String, String> env)
      throws Exception {
    SidecarProcess sidecar = SidecarProcess.start(dataDir, env).awaitReady();
    try {
      HttpResponse<String> budgets = sidecar.get(sidecar.apiUrl("/v1/budgets"));
      assertEquals(200, budgets.statusCode(), budgets.body());
      return JSON.readTree(budgets.body());
    } finally {
      sidecar.stop();
    }
  }

  private static String taskId(HttpResponse<String> created) throws IOException {
    assertEquals(201, created.statusCode(), created.body());
    return JSON.readTree(created.body()).get("taskId").asText();
  }

  private static JsonNode task(SidecarProcess sidecar, String id) throws Exception {
    return JSON.readTree(sidecar.get(sidecar.apiUrl("/v1/tasks/" + id)).body());
  }

  private static void awaitField(SidecarProcess sidecar, String id, String field, String value)
      throws Exception {
    for (int i = 0; i < 300; i++) {
      if (value.equals(task(sidecar, id).path(field).asText())) {
        return;
      }
      Thread.sleep(100);
    }
    assertEquals(value, task(sidecar, id).path(field).asText(), "task " + id);
  }

  @Test
  void sessionsCarryThePodIdentityFromTheDownwardApiEnvironment() throws Exception {
    SidecarProcess sidecar =
        SidecarProcess.start(
                temp.resolve("pod"),
                Map.of(
                    "SIDECAR_POD_NAME", "agent-5d8f7-qx2lz",
                    "SIDECAR_POD_NAMESPACE", "team-a",
                    "SIDECAR_NODE_NAME", "worker-2",
                    "SIDECAR_POD_UID", "7c1e2a44-1b7f-4a8e-9a51-2d0f8c3b9e10"))
            .awaitReady();
    try {
      HttpResponse<String> started =
          sidecar.post(
              sidecar.apiUrl("/v1/sessions"),
              "{\"session_id\":\"pod-1\",\"project_path\":\"/srv/pod\"}");
      assertEquals(201, started.statusCode());
      JsonNode pod = JSON.readTree(started.body()).get("pod");
      assertEquals("agent-5d8f7-qx2lz", pod.get("name").asText());
      assertEquals("team-a", pod.get("namespace").asText());
      assertEquals("worker-2", pod.get("node").asText());
      assertEquals("7c1e2a44-1b7f-4a8e-9a51-2d0f8c3b9e10", pod.get("uid").asText());
    } finally {
      sidecar.stop();
    }
  }

  @Test
  void aSecondProcessOnTheSameDirectoryStopsWithAClearMessage() throws Exception {
    SidecarProcess first = SidecarProcess.start(temp.resolve("shared")).awaitReady();
    try {
      SidecarProcess second = first.startAnotherOnSameDirectory();
      assertTrue(second.process().waitFor(90, TimeUnit.SECONDS), "the second process exits");
      assertNotEquals(0, second.process().exitValue());
      String output = second.output();
      assertTrue(
          output.contains("is in use by another session-sidecar process"),
          "the output says why:\n" + output);
      assertEquals(200, first.get(first.managementUrl("/q/health/ready")).statusCode());
    } finally {
      first.stop();
    }
  }

  @Test
  void theApiAnswersOnlyOnLoopbackAndHealthOnAllInterfaces() throws Exception {
    SidecarProcess sidecar = SidecarProcess.start(temp.resolve("binding")).awaitReady();
    try {
      // 127.0.0.2 is another loopback address: only a socket bound to all interfaces accepts it.
      assertThrows(ConnectException.class, () -> connect("127.0.0.2", sidecar.apiPort));
      connect("127.0.0.2", sidecar.managementPort);
      assertEquals(
          200,
          sidecar
              .get("http://127.0.0.2:" + sidecar.managementPort + "/q/health/live")
              .statusCode());
      assertEquals(404, sidecar.get(sidecar.managementUrl("/v1/sessions")).statusCode());
    } finally {
      sidecar.stop();
    }
  }

  private static void connect(String host, int port) throws IOException {
    try (Socket socket = new Socket()) {
      socket.connect(new InetSocketAddress(host, port), 2000);
    }
  }

  private static void assertAllStored(Set<String> acknowledged, Set<String> stored, String what) {
    long lost = acknowledged.stream().filter(id -> !stored.contains(id)).count();
    assertEquals(0, lost, "acknowledged " + what + " lost, of " + acknowledged.size());
  }

  /** Every value of {@code field} in a paged listing; each must occur once. */
  private static Set<String> storedIds(SidecarProcess sidecar, String listing, String field)
      throws Exception {
    Set<String> ids = new HashSet<>();
    for (int offset = 0; ; offset += 500) {
      JsonNode page =
          JSON.readTree(
              sidecar.get(sidecar.apiUrl(listing + "?limit=500&offset=" + offset)).body());
      for (JsonNode item : page.get("items")) {
        String id = item.get(field).asText();
        assertTrue(ids.add(id), id + " is stored more than once");
      }
      if (page.get("items").size() < 500) {
        return ids;
      }
    }
  }
}
