package dev.sessionsidecar.reliability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.core.json.JsonWriteFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sessionsidecar.platform.PlainText;
import dev.sessionsidecar.testing.SidecarProcess;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.time.Duration;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Generated hostile MCP messages against the packaged sidecar: every member of a {@code tools/call}
 * (the envelope, the params, the tool's arguments) replaced by each {@link HostileValues} value, on
 * both revisions. The invariants: a JSON-RPC answer (a result, an {@code isError} result, or an
 * error with a code) with the request's id where it had a valid one, or 202 for what became a
 * notification; never a 5xx, an empty 4xx, a stack trace or a class name; and the sidecar answers a
 * normal call afterwards.
 */
class HostileMcpMessagesIT {

  private static final ObjectMapper JSON =
      JsonMapper.builder().enable(JsonWriteFeature.ESCAPE_NON_ASCII).build();
  private static final long SEED = Long.getLong("hostile.seed", 20261206L);
  private static final Pattern INTERNALS =
      Pattern.compile("Exception|\\tat |java\\.|dev\\.sessionsidecar|org\\.hibernate|io\\.quarkus");
  private static final List<String> REVISIONS = List.of("2026-07-28", "2025-11-25");

  /** Where each value goes, as a JSON pointer into the message. */
  private static final List<String> MEMBERS =
      List.of(
          "/jsonrpc",
          "/id",
          "/method",
          "/params",
          "/params/name",
          "/params/arguments",
          "/params/_meta",
          "/params/arguments/action",
          "/params/arguments/limit",
          "/params/arguments/session_id",
          "/params/arguments/since_days");

  private static SidecarProcess sidecar;
  private static HttpClient http;

  @BeforeAll
  static void start() throws Exception {
    sidecar = SidecarProcess.start(Files.createTempDirectory("hostile-mcp")).awaitReady();
    http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
  }

  @AfterAll
  static void stop() throws Exception {
    if (sidecar != null) {
      sidecar.stop();
    }
  }

  @Test
  void everyMemberOfAToolCallHoldsTheInvariantsOnBothRevisions() throws Exception {
    HostileValues values = new HostileValues(SEED + 2);
    int requests = 0;
    for (String member : MEMBERS) {
      for (JsonNode value : values.forField(4)) {
        for (String revision : REVISIONS) {
          ObjectNode message = call(revision);
          replace(message, member, value);
          check(revision, member, message, send(revision, message));
          requests++;
        }
      }
    }
    System.out.printf("Hostile MCP messages: %d requests (seed %d)%n", requests, SEED + 2);
    assertTrue(requests > 200, "generated " + requests);
  }

  private static void check(
      String revision, String member, ObjectNode message, HttpResponse<String> answer)
      throws Exception {
    String sent = revision + " " + member + " = " + message;
    int status = answer.statusCode();
    if (status >= 500 || INTERNALS.matcher(answer.body()).find()) {
      fail("answered " + status + " " + answer.body() + " to " + sent);
    }
    if (status == 413) {
      // Over the body limit: refused before it is read, as on every door.
      assertTrue(answer.headers().firstValue("content-type").orElse("").contains("problem"), sent);
    } else if (status == 202) {
      assertEquals("", answer.body(), sent);
      assertTrue(!message.has("id") || message.get("id").isMissingNode(), "202 only: " + sent);
    } else {
      JsonNode body = JSON.readTree(answer.body());
      assertEquals("2.0", body.path("jsonrpc").asText(), sent);
      assertTrue(body.has("result") != body.has("error"), "a result or an error: " + sent);
      if (body.has("error")) {
        assertTrue(body.at("/error/code").isInt(), sent);
        assertTrue(body.at("/error/message").asText().length() > 10, "says why: " + sent);
      }
      JsonNode id = message.get("id");
      boolean printable = id != null && id.isTextual() && id.asText().matches(PlainText.PATTERN);
      if (id != null && (printable || id.isIntegralNumber())) {
        assertEquals(id, body.get("id"), "the request's id: " + sent);
      }
    }
    HttpResponse<String> normal = send(revision, call(revision));
    assertEquals(200, normal.statusCode(), "a normal call right after " + sent);
    assertTrue(normal.body().contains("\"result\""), normal.body());
  }

  /** A valid {@code tools/call} of revision {@code revision}. */
  private static ObjectNode call(String revision) {
    ObjectNode message = JSON.createObjectNode().put("jsonrpc", "2.0").put("id", 41);
    message.put("method", "tools/call");
    ObjectNode params = message.putObject("params").put("name", "session");
    params.putObject("arguments").put("action", "usage_list");
    if (!revision.startsWith("2025")) {
      params
          .putObject("_meta")
          .put("io.modelcontextprotocol/protocolVersion", revision)
          .putObject("io.modelcontextprotocol/clientCapabilities");
    }
    return message;
  }

  /** Sets the member at {@code pointer}, making its parents objects where a value replaced them. */
  private static void replace(ObjectNode message, String pointer, JsonNode value) {
    int slash = pointer.lastIndexOf('/');
    JsonNode parent = slash == 0 ? message : message.at(pointer.substring(0, slash));
    if (parent instanceof ObjectNode object) {
      object.set(pointer.substring(slash + 1), value);
    }
  }

  /** Sends as a conforming client of {@code revision} would, headers from the intended call. */
  private static HttpResponse<String> send(String revision, ObjectNode message) throws Exception {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(sidecar.apiUrl("/mcp")))
            .timeout(Duration.ofSeconds(30))
            .header("Content-Type", "application/json")
            .header("Accept", "application/json, text/event-stream")
            .header("MCP-Protocol-Version", revision)
            .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(message)));
    if (!revision.startsWith("2025")) {
      request.header("Mcp-Method", "tools/call").header("Mcp-Name", "session");
    }
    return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }
}
