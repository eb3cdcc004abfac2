package dev.sessionsidecar.agents;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.sessionsidecar.testing.SidecarProcess;
import java.io.IOException;
import java.math.BigDecimal;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Predicate;

/** What a sidecar stored about an agent's session, read through its REST API as JSON. */
final class SidecarRecord {

  private static final ObjectMapper MAPPER = new ObjectMapper();

  private final SidecarProcess sidecar;

  SidecarRecord(SidecarProcess sidecar) {
    this.sidecar = sidecar;
  }

  String url() {
    return sidecar.apiUrl("");
  }

  JsonNode get(String path) throws IOException, InterruptedException {
    HttpResponse<String> response = sidecar.get(sidecar.apiUrl(path));
    assertEquals(200, response.statusCode(), path + " answered " + response.body());
    return MAPPER.readTree(response.body());
  }

  JsonNode post(String path, String json) throws IOException, InterruptedException {
    HttpResponse<String> response = sidecar.post(sidecar.apiUrl(path), json);
    if (response.statusCode() / 100 != 2) {
      throw new AssertionError(path + " answered " + response.statusCode() + response.body());
    }
    return MAPPER.readTree(response.body());
  }

  JsonNode session(String id) throws IOException, InterruptedException {
    return get("/v1/sessions/" + id);
  }

  /** The session's tool calls by call id. */
  Map<String, JsonNode> toolCalls(String session) throws IOException, InterruptedException {
    return byField(
        get("/v1/sessions/" + session + "/tool-calls?limit=500").path("items"), "call_id");
  }

  /**
   * Waits until the session's tool calls are all finished (each has its duration), and answers them
   * by call id.
   */
  Map<String, JsonNode> awaitToolCalls(String session) throws Exception {
    Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
    Map<String, JsonNode> calls = Map.of();
    while (Instant.now().isBefore(deadline)) {
      calls = toolCalls(session);
      if (!calls.isEmpty()
          && calls.values().stream().allMatch(c -> c.path("duration_ms").isNumber())) {
        return calls;
      }
      Thread.sleep(200);
    }
    throw new AssertionError("the tool calls of " + session + " never all finished: " + calls);
  }

  /** The session's usage records by request id. */
  Map<String, JsonNode> usage(String session) throws IOException, InterruptedException {
    return byField(get("/v1/usage?limit=1000&session=" + session).path("items"), "request_id");
  }

  /** The sum of the session's recorded cost. */
  BigDecimal cost(String session) throws IOException, InterruptedException {
    return usage(session).values().stream()
        .map(r -> r.path("cost_usd").decimalValue())
        .reduce(BigDecimal.ZERO, BigDecimal::add);
  }

  /**
   * Waits until the session holds at least {@code records} usage records: telemetry arrives in
   * batches after the agent's requests, at the latest when the agent exits and flushes.
   */
  Map<String, JsonNode> awaitUsage(String session, int records) throws Exception {
    return awaitUsage(session, records, record -> true);
  }

  /**
   * Waits until the session holds at least {@code records} usage records that are all {@code
   * complete}: each source of a request (telemetry, the transcript) adds what it knows when it
   * arrives.
   */
  Map<String, JsonNode> awaitUsage(String session, int records, Predicate<JsonNode> complete)
      throws Exception {
    Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
    Map<String, JsonNode> stored = Map.of();
    while (Instant.now().isBefore(deadline)) {
      stored =
          sidecar.get(sidecar.apiUrl("/v1/sessions/" + session)).statusCode() == 200
              ? usage(session)
              : Map.of();
      if (stored.size() >= records && stored.values().stream().allMatch(complete)) {
        return stored;
      }
      Thread.sleep(200);
    }
    throw new AssertionError(
        "expected " + records + " complete usage records of " + session + ", found " + stored);
  }

  /** The sidecar's Prometheus page, as a scraper reads it. */
  String metrics() throws IOException, InterruptedException {
    return sidecar.get(sidecar.managementUrl("/q/metrics")).body();
  }

  /** The sidecar's log so far. */
  String log() throws IOException {
    return sidecar.output();
  }

  private static Map<String, JsonNode> byField(JsonNode items, String field) {
    Map<String, JsonNode> by = new LinkedHashMap<>();
    for (JsonNode item : items) {
      JsonNode earlier = by.put(item.path(field).asText(), item);
      if (earlier != null) {
        throw new AssertionError("stored twice under " + field + ": " + earlier + " and " + item);
      }
    }
    return by;
  }
}
