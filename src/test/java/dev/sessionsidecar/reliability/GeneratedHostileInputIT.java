package dev.sessionsidecar.reliability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.core.json.JsonWriteFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sessionsidecar.testing.SidecarProcess;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Generated hostile input against the packaged sidecar: every JSON body operation the API
 * description ({@code /q/openapi}) lists, and the agents' OTLP shapes, field by field with wrong,
 * missing, empty, oversize, out-of-range and odd-unicode values ({@link HostileValues}, seeded so a
 * failure can be replayed with {@code -Dhostile.seed}). The invariants: a 4xx RFC 9457 problem that
 * names what was wrong and changes nothing, or a 2xx that keeps a string field exactly as sent;
 * never a 5xx, a stack trace or a class name; and the sidecar answers a normal request afterwards.
 */
class GeneratedHostileInputIT {

  /**
   * Writes every non-ASCII character as a JSON escape, so a broken surrogate reaches the sidecar.
   */
  private static final ObjectMapper JSON =
      JsonMapper.builder().enable(JsonWriteFeature.ESCAPE_NON_ASCII).build();

  private static final long SEED = Long.getLong("hostile.seed", 20261206L);
  private static final int RANDOM_VALUES_PER_FIELD = 6;
  private static final Pattern INTERNALS =
      Pattern.compile("Exception|\\tat |java\\.|dev\\.sessionsidecar|org\\.hibernate|io\\.quarkus");

  private static final String SESSION = "hostile-base";
  private static final String PROJECT = "/srv/hostile";

  private static SidecarProcess sidecar;
  private static HttpClient http;

  /** The records the generated requests' paths name, by the path that leads to them. */
  private static final Map<String, String> IDS = new LinkedHashMap<>();

  @BeforeAll
  static void start() throws Exception {
    sidecar = SidecarProcess.start(Files.createTempDirectory("hostile")).awaitReady();
    http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    send(
        "POST",
        "/v1/sessions",
        "{\"session_id\":\"" + SESSION + "\",\"project_path\":\"" + PROJECT + "\"}");
    IDS.put("/v1/sessions/", SESSION);
    IDS.put("/v1/preferences/", "hostile-key");
    IDS.put("/v1/tasks/", created("/v1/tasks", "taskId"));
    IDS.put("/v1/goals/", created("/v1/goals", "id"));
    IDS.put("/v1/budgets/", created("/v1/budgets", "id"));
    IDS.put("/v1/insights/", created("/v1/insights", "id"));
  }

  /** A record made from the operation's valid body; its id. */
  private static String created(String path, String idField) throws Exception {
    HttpResponse<String> made =
        send("POST", path, BaseBodies.of("POST", path, SESSION, PROJECT).toString());
    assertTrue(made.statusCode() < 300, made.body());
    return JSON.readTree(made.body()).get(idField).asText();
  }

  @AfterAll
  static void stop() throws Exception {
    if (sidecar != null) {
      sidecar.stop();
    }
  }

  /** What one generated request got, for the report of a broken invariant. */
  private record Sent(String method, String path, String body) {}

  @Test
  void everyBodyOperationOfTheApiDescriptionHoldsItsInvariantsFieldByField() throws Exception {
    JsonNode api = JSON.readTree(send("GET", "/q/openapi?format=json", null).body());
    HostileValues values = new HostileValues(SEED);
    int requests = 0;
    List<String> operations = new ArrayList<>();
    for (Iterator<Map.Entry<String, JsonNode>> paths = api.get("paths").fields();
        paths.hasNext(); ) {
      Map.Entry<String, JsonNode> path = paths.next();
      for (String method : List.of("post", "put", "patch")) {
        JsonNode schema =
            path.getValue()
                .path(method)
                .path("requestBody")
                .path("content")
                .path("application/json")
                .path("schema");
        if (schema.isMissingNode()) {
          continue;
        }
        Map<String, JsonNode> fields = fields(api, schema);
        if (fields.isEmpty()) {
          continue;
        }
        operations.add(method.toUpperCase() + " " + path.getKey());
        for (String field : fields.keySet()) {
          for (JsonNode value : values.forField(RANDOM_VALUES_PER_FIELD)) {
            requests += check(method.toUpperCase(), path.getKey(), field, value);
          }
          requests += checkMissing(method.toUpperCase(), path.getKey(), field);
        }
      }
    }
    System.out.printf(
        "Generated hostile input: %d requests over %d operations (seed %d): %s%n",
        requests, operations.size(), SEED, operations);
    assertTrue(
        operations.size() >= 12, "the API description lists the body operations: " + operations);
    assertTrue(
        BROKEN.isEmpty(),
        BROKEN.size() + " broken invariants:\n" + String.join("\n", BROKEN.values()));
  }

  @Test
  void theAgentsOtlpShapesHoldTheirInvariantsAttributeByAttribute() throws Exception {
    HostileValues values = new HostileValues(SEED + 1);
    int requests = 0;
    for (String attribute : OtlpShapes.ATTRIBUTES) {
      for (JsonNode value : values.forAttribute(RANDOM_VALUES_PER_FIELD)) {
        for (String signal : List.of("logs", "traces")) {
          String body = OtlpShapes.request(signal, attribute, value, SESSION);
          Sent sent = new Sent("POST", "/otlp/v1/" + signal, body);
          HttpResponse<String> response = send(sent.method(), sent.path(), body);
          checkAnswer(sent, response);
          requests++;
        }
      }
    }
    System.out.printf("Generated hostile OTLP: %d requests (seed %d)%n", requests, SEED + 1);
  }

  private static int check(String method, String template, String field, JsonNode value)
      throws Exception {
    ObjectNode body = BaseBodies.of(method, template, SESSION, PROJECT);
    body.set(field, value);
    return checkOne(
        new Sent(method, BaseBodies.path(template, IDS), JSON.writeValueAsString(body)),
        field,
        value);
  }

  private static int checkMissing(String method, String template, String field) throws Exception {
    ObjectNode body = BaseBodies.of(method, template, SESSION, PROJECT);
    body.remove(field);
    return checkOne(
        new Sent(method, BaseBodies.path(template, IDS), JSON.writeValueAsString(body)),
        field,
        null);
  }

  /** The broken invariants found, each once per operation and field, reported together. */
  private static final Map<String, String> BROKEN = new LinkedHashMap<>();

  private static int checkOne(Sent sent, String field, JsonNode value) throws Exception {
    try {
      checkInvariants(sent, field, value);
    } catch (AssertionError broken) {
      BROKEN.putIfAbsent(sent.method() + " " + sent.path() + " " + field, broken.getMessage());
    }
    return 1;
  }

  private static void checkInvariants(Sent sent, String field, JsonNode value) throws Exception {
    String before = fingerprint();
    HttpResponse<String> response = send(sent.method(), sent.path(), sent.body());
    checkAnswer(sent, response);
    int status = response.statusCode();
    if (status >= 400) {
      assertEquals(before, fingerprint(), "a refused request changed the record: " + sent);
    } else if (value != null && value.isTextual() && !response.body().isBlank()) {
      JsonNode answer = JSON.readTree(response.body());
      JsonNode kept = answer.isObject() ? answer.get(field) : null;
      if (kept != null && kept.isTextual() && !answer.path("arguments_truncated").asBoolean()) {
        assertEquals(asStored(field, value.asText()), kept.asText(), "stored otherwise: " + sent);
      }
    }
    removeBudgetMadeBy(sent, response);
  }

  /**
   * What the README says a field is stored as: usage names trimmed and in lower case (so one
   * model's records count together); everything else exactly as sent. Cut tool-call arguments say
   * so ({@code arguments_truncated}) and are not compared.
   */
  private static String asStored(String field, String sent) {
    return List.of("provider", "model", "role").contains(field)
        ? sent.trim().toLowerCase(Locale.ROOT)
        : sent;
  }

  /** A budget a generated request made is removed, so it stops no later request. */
  private static void removeBudgetMadeBy(Sent sent, HttpResponse<String> response)
      throws Exception {
    if (sent.path().equals("/v1/budgets") && response.statusCode() == 201) {
      send("DELETE", "/v1/budgets/" + JSON.readTree(response.body()).get("id").asText(), null);
    }
  }

  /** The invariants every answer keeps, whatever was sent. */
  private static void checkAnswer(Sent sent, HttpResponse<String> response) throws Exception {
    int status = response.statusCode();
    if (status >= 500) {
      fail("answered " + status + " " + response.body() + " to " + sent);
    }
    if (INTERNALS.matcher(response.body()).find()) {
      fail("the answer shows internals: " + response.body() + " to " + sent);
    }
    if (status >= 400) {
      String type = response.headers().firstValue("content-type").orElse("");
      assertTrue(type.startsWith("application/problem+json"), type + " for " + sent);
      JsonNode problem = JSON.readTree(response.body());
      assertEquals(status, problem.path("status").asInt(), "problem status of " + sent);
      assertTrue(problem.path("detail").asText().length() > 10, "a detail says why: " + sent);
    }
    HttpResponse<String> normal = send("GET", "/v1/sessions/" + SESSION, null);
    assertEquals(200, normal.statusCode(), "a normal request right after " + sent);
  }

  /** What a refused request must not change: counts of every kind of record. */
  private static String fingerprint() throws Exception {
    StringBuilder out = new StringBuilder();
    for (String read :
        List.of(
            "/v1/sessions?limit=1",
            "/v1/usage?limit=1&since_days=0",
            "/v1/tasks?limit=1",
            "/v1/sessions/" + SESSION,
            "/v1/budgets")) {
      JsonNode answer = JSON.readTree(send("GET", read, null).body());
      out.append(answer.has("total") ? answer.get("total") : answer.toString()).append('|');
    }
    return out.toString();
  }

  /** The fields a body schema names, with their schemas ($ref and oneOf followed). */
  private static Map<String, JsonNode> fields(JsonNode api, JsonNode schema) {
    JsonNode resolved = resolve(api, schema);
    if (resolved.has("oneOf")) {
      for (JsonNode option : resolved.get("oneOf")) {
        Map<String, JsonNode> found = fields(api, option);
        if (!found.isEmpty()) {
          return found;
        }
      }
    }
    Map<String, JsonNode> fields = new LinkedHashMap<>();
    resolved
        .path("properties")
        .fields()
        .forEachRemaining(e -> fields.put(e.getKey(), e.getValue()));
    return fields;
  }

  private static JsonNode resolve(JsonNode api, JsonNode schema) {
    if (schema.has("$ref")) {
      String name = schema.get("$ref").asText().replace("#/components/schemas/", "");
      return resolve(api, api.path("components").path("schemas").path(name));
    }
    return schema;
  }

  static HttpResponse<String> send(String method, String path, String body) throws Exception {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(sidecar.apiUrl(path))).timeout(Duration.ofSeconds(30));
    if (body == null) {
      request.method(method, HttpRequest.BodyPublishers.noBody());
    } else {
      request
          .header("Content-Type", "application/json")
          .method(method, HttpRequest.BodyPublishers.ofString(body));
    }
    return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }
}
