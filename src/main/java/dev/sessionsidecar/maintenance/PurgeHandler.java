package dev.sessionsidecar.maintenance;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sessionsidecar.platform.Timestamps;
import dev.sessionsidecar.session.SessionService;
import dev.sessionsidecar.session.ToolCallService;
import dev.sessionsidecar.task.TaskContext;
import dev.sessionsidecar.task.TaskService;
import dev.sessionsidecar.usage.UsageService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.function.Function;

/** The {@code purge} task: deletes data older than the retention settings, one step per kind. */
@ApplicationScoped
class PurgeHandler extends SteppedHandler {

  private final RetentionConfig retention;
  private final ToolCallService toolCalls;
  private final UsageService usage;
  private final SessionService sessions;
  private final Instance<TaskService> tasks;
  private final Timestamps time;
  private final ObjectMapper mapper;

  PurgeHandler(
      RetentionConfig retention,
      ToolCallService toolCalls,
      UsageService usage,
      SessionService sessions,
      Instance<TaskService> tasks,
      Timestamps time,
      ObjectMapper mapper) {
    this.retention = retention;
    this.toolCalls = toolCalls;
    this.usage = usage;
    this.sessions = sessions;
    this.tasks = tasks;
    this.time = time;
    this.mapper = mapper;
  }

  /** One kind of data: its name in the result, how long it is kept, and how it is deleted. */
  private record Step(String name, Duration keep, Function<Instant, Long> delete) {}

  @Override
  public String kind() {
    return "purge";
  }

  @Override
  public String title() {
    return "Delete data older than the retention settings";
  }

  @Override
  public JsonNode run(TaskContext context) {
    long pause = Pause.of(context.parameters());
    List<Step> steps =
        List.of(
            new Step("tool_calls", retention.toolCalls(), toolCalls::purgeRecordedBefore),
            new Step("usage_records", retention.usageRecords(), usage::purgeCreatedBefore),
            new Step("sessions", retention.sessions(), sessions::purgeEndedBefore),
            new Step(
                "tasks", retention.tasks(), cutoff -> tasks.get().purgeFinishedBefore(cutoff)));
    Instant now = time.now();
    ObjectNode deleted = mapper.createObjectNode();
    ObjectNode cutoffs = mapper.createObjectNode();
    for (int i = 0; i < steps.size(); i++) {
      Step step = steps.get(i);
      context.progress((double) i / steps.size(), "deleting " + step.name());
      Instant cutoff = now.minus(step.keep());
      deleted.put(step.name(), step.delete().apply(cutoff));
      cutoffs.put(step.name(), cutoff.toString());
      if (pause > 0 && i < steps.size() - 1) {
        context.pause(pause);
      }
    }
    ObjectNode result = mapper.createObjectNode();
    result.set("deleted", deleted);
    result.set("cutoffs", cutoffs);
    return result;
  }
}
