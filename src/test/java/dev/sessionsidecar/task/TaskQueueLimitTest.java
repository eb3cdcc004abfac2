package dev.sessionsidecar.task;

import static dev.sessionsidecar.platform.ProblemAssertions.assertProblem;
import static dev.sessionsidecar.testing.Tasks.await;
import static dev.sessionsidecar.testing.Tasks.cancel;
import static dev.sessionsidecar.testing.Tasks.create;
import static dev.sessionsidecar.testing.Tasks.createId;
import static dev.sessionsidecar.testing.Tasks.message;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import dev.sessionsidecar.testing.Tasks;
import dev.sessionsidecar.testing.TestStore;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** One task at a time and one waiting: the next sidecar task is refused with 429. */
@QuarkusTest
@TestProfile(TaskQueueLimitTest.SmallQueue.class)
class TaskQueueLimitTest {

  /** Concurrency 1, queue 1. */
  public static class SmallQueue implements QuarkusTestProfile {
    @Override
    public Map<String, String> getConfigOverrides() {
      Map<String, String> config = new HashMap<>(TestStore.fresh("queue"));
      config.putAll(Map.of("sidecar.tasks.concurrency", "1", "sidecar.tasks.max-queued", "1"));
      return config;
    }
  }

  @Test
  void aFullQueueAnswers429WithRetryAfterAndAgentTasksStillRegister() {
    Map<String, Object> slow = Map.of("kind", "purge", "parameters", Map.of("pause_ms", 10_000));
    String running = createId(slow);
    await(running, message("deleting usage_records"));
    String queued = createId(slow);
    Tasks.get(queued).body("statusMessage", equalTo("queued"));

    assertProblem(create(slow), 429, "too_many_requests")
        .header("Retry-After", equalTo("5"))
        .body("detail", containsString("sidecar.tasks.max-queued"));
    create(Map.of("kind", "external", "title", "not queued")).statusCode(201);

    cancel(queued).statusCode(200);
    cancel(running).statusCode(200);
    createId(Map.of("kind", "ponder"));
  }
}
