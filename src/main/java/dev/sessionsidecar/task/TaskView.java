package dev.sessionsidecar.task;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;
import dev.sessionsidecar.platform.StoredJson;
import java.time.Instant;

/**
 * A task as the API shows it: MCP Tasks names ({@code taskId}, {@code statusMessage}, {@code
 * createdAt}, {@code lastUpdatedAt}, {@code ttl} and {@code pollInterval} in ms) where MCP has one,
 * the sidecar's snake_case elsewhere.
 */
public record TaskView(
    String taskId,
    String status,
    String statusMessage,
    Instant createdAt,
    Instant lastUpdatedAt,
    long ttl,
    long pollInterval,
    String kind,
    String owner,
    String title,
    @JsonProperty("session_id") String sessionId,
    Double progress,
    JsonNode result,
    String error) {

  static TaskView of(Task t) {
    return new TaskView(
        t.taskId,
        t.status.wireName(),
        t.statusMessage,
        t.createdAt,
        t.lastUpdatedAt,
        t.ttlMs,
        t.pollIntervalMs,
        t.kind,
        t.owner,
        t.title,
        t.sessionId,
        t.progress,
        StoredJson.read(t.result),
        t.error);
  }
}
