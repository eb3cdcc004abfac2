package dev.sessionsidecar.mcp;

import static dev.sessionsidecar.testing.Api.newProject;
import static dev.sessionsidecar.testing.Api.newSession;
import static dev.sessionsidecar.testing.Api.recordCall;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.modelcontextprotocol.client.McpClient;
import io.modelcontextprotocol.client.McpSyncClient;
import io.modelcontextprotocol.client.transport.HttpClientStreamableHttpTransport;
import io.modelcontextprotocol.spec.McpSchema;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Drives {@code /mcp} with the official MCP Java SDK client. */
@QuarkusTest
class McpTest {

  @TestHTTPResource("/")
  URL root;

  McpSyncClient client;

  @BeforeEach
  void connect() {
    String base = root.toString().replaceAll("/$", "");
    client =
        McpClient.sync(HttpClientStreamableHttpTransport.builder(base).endpoint("/mcp").build())
            .requestTimeout(Duration.ofSeconds(20))
            .build();
    client.initialize();
  }

  @AfterEach
  void close() {
    client.closeGracefully();
  }

  @Test
  void initializeNegotiatesAProtocolTheSpecDefines() {
    McpSchema.InitializeResult result = client.initialize();
    assertThat(List.of("2025-06-18", "2025-11-25"), hasItem(result.protocolVersion()));
    assertEquals("session-sidecar", result.serverInfo().name());
  }

  @Test
  void theSessionToolIsListedWithItsFullSchema() {
    List<McpSchema.Tool> tools = client.listTools().tools();
    assertEquals(List.of("session"), tools.stream().map(McpSchema.Tool::name).toList());
    Map<String, Object> schema = tools.get(0).inputSchema();
    @SuppressWarnings("unchecked")
    Map<String, Map<String, Object>> properties =
        (Map<String, Map<String, Object>>) schema.get("properties");
    assertEquals(List.of("action"), schema.get("required"));
    assertEquals(12, ((List<?>) properties.get("action").get("enum")).size());
    assertTrue(((List<?>) properties.get("action").get("enum")).contains("tasks_cancel"));
    for (String name :
        List.of(
            "session_id",
            "task_id",
            "group_by",
            "since_days",
            "limit",
            "insight_source",
            "min_confidence",
            "insight_id")) {
      assertTrue(properties.containsKey(name), name);
    }
    assertEquals(
        List.of(
            "role",
            "provider",
            "model",
            "provider_model",
            "day",
            "week",
            "month",
            "session",
            "block"),
        properties.get("group_by").get("enum"));
    assertEquals(30, ((Number) properties.get("since_days").get("default")).intValue());
    assertEquals(0, ((Number) properties.get("since_days").get("minimum")).intValue());
    assertEquals(1, ((Number) properties.get("min_confidence").get("maximum")).intValue());
    assertEquals("integer", properties.get("insight_id").get("type"));
    assertEquals(1, ((Number) properties.get("insight_id").get("minimum")).intValue());
    assertEquals("string", properties.get("task_id").get("type"));
    assertEquals("string", properties.get("session_id").get("type"));
    assertEquals(null, tools.get(0).outputSchema(), "no output schema: the model reads the text");
  }

  @Test
  void callsAnswerTheSameFactsAsRest() {
    String session = newSession(newProject());
    recordCall(session, Map.of("tool", "Grep", "arguments", Map.of("pattern", "TODO")))
        .statusCode(201);
    McpSchema.CallToolResult result = call(Map.of("action", "get_history"));
    assertFalse(Boolean.TRUE.equals(result.isError()));
    assertThat(text(result), startsWith("session " + session + ": 1 tool call"));
    assertEquals(null, result.structuredContent(), "only the text, unless the call asks");
    McpSchema.CallToolResult typed =
        client.callTool(
            new McpSchema.CallToolRequest(
                "session",
                Map.of("action", "get_history"),
                Map.of("dev.sessionsidecar/data", true)));
    assertEquals(text(result), text(typed));
    @SuppressWarnings("unchecked")
    Map<String, Object> structured = (Map<String, Object>) typed.structuredContent();
    assertEquals("get_history", structured.get("action"));
    assertThat(String.valueOf(structured.get("data")), containsString("Grep"));
    assertFalse(structured.containsKey("text"), "the text is not sent twice");

    String task =
        io.restassured.RestAssured.given()
            .contentType(io.restassured.http.ContentType.JSON)
            .body(Map.of("kind", "external", "title", "mcp test"))
            .post("/v1/tasks")
            .then()
            .statusCode(201)
            .extract()
            .path("taskId");
    assertThat(
        text(call(Map.of("action", "tasks_get", "task_id", task))), startsWith(task + " working"));
    assertThat(
        text(call(Map.of("action", "tasks_cancel", "task_id", task))),
        startsWith("cancelled\n" + task));

    for (String action :
        List.of(
            "current_session",
            "list_sessions",
            "usage_summary",
            "usage_stats",
            "usage_list",
            "tasks_list")) {
      assertFalse(Boolean.TRUE.equals(call(Map.of("action", action)).isError()), action);
    }
  }

  @Test
  void badArgumentsAreErrorsTheModelCanActOn() {
    McpSchema.CallToolResult invalid = call(Map.of("action", "resume"));
    assertTrue(invalid.isError());
    assertThat(text(invalid), startsWith("invalid_action: "));
    assertThat(text(invalid), containsString("tasks_cancel"));

    McpSchema.CallToolResult missing = call(Map.of("action", "tasks_get"));
    assertTrue(missing.isError());
    assertThat(text(missing), startsWith("invalid_argument: task_id"));

    McpSchema.CallToolResult unknown =
        call(Map.of("action", "tasks_get", "task_id", UUID.randomUUID().toString()));
    assertTrue(unknown.isError());
    assertThat(text(unknown), startsWith("not_found: "));
  }

  @Test
  void aForeignOriginIsRefused() throws Exception {
    String initialize =
        "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"initialize\",\"params\":{\"protocolVersion\":"
            + "\"2025-06-18\",\"capabilities\":{},\"clientInfo\":{\"name\":\"t\",\"version\":\"1\"}}}";
    HttpClient http = HttpClient.newHttpClient();
    URI mcp = URI.create(root.toString().replaceAll("/$", "") + "/mcp");
    HttpResponse<String> foreign =
        http.send(
            HttpRequest.newBuilder(mcp)
                .header("Content-Type", "application/json")
                .header("Accept", "application/json, text/event-stream")
                .header("Origin", "https://evil.example")
                .POST(HttpRequest.BodyPublishers.ofString(initialize))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertEquals(403, foreign.statusCode());
    HttpResponse<String> local =
        http.send(
            HttpRequest.newBuilder(mcp)
                .header("Content-Type", "application/json")
                .header("Accept", "application/json, text/event-stream")
                .header("Origin", "http://localhost:8080")
                .POST(HttpRequest.BodyPublishers.ofString(initialize))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertEquals(200, local.statusCode());
  }

  @Test
  void malformedAndOversizeRequestsAreRefused() throws Exception {
    HttpClient http = HttpClient.newHttpClient();
    URI mcp = URI.create(root.toString().replaceAll("/$", "") + "/mcp");
    HttpResponse<String> malformed = post(http, mcp, "{\"jsonrpc\":\"2.0\",\"id\":1,");
    assertThat(malformed.body(), containsString("-32700"));
    HttpResponse<String> huge = post(http, mcp, "{\"pad\":\"" + "x".repeat(2_000_000) + "\"}");
    assertEquals(413, huge.statusCode());
  }

  @Test
  void theDeprecatedSseTransportIsNotServed() throws Exception {
    HttpClient http = HttpClient.newHttpClient();
    String base = root.toString().replaceAll("/$", "");
    HttpResponse<String> sse =
        http.send(
            HttpRequest.newBuilder(URI.create(base + "/mcp/sse"))
                .header("Accept", "text/event-stream")
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertEquals(404, sse.statusCode());
    assertThat(
        sse.headers().firstValue("Content-Type").orElse(""),
        startsWith("application/problem+json"));
  }

  private static HttpResponse<String> post(HttpClient http, URI uri, String body) throws Exception {
    return http.send(
        HttpRequest.newBuilder(uri)
            .header("Content-Type", "application/json")
            .header("Accept", "application/json, text/event-stream")
            .POST(HttpRequest.BodyPublishers.ofString(body))
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private McpSchema.CallToolResult call(Map<String, Object> arguments) {
    return client.callTool(new McpSchema.CallToolRequest("session", arguments));
  }

  private static String text(McpSchema.CallToolResult result) {
    return ((McpSchema.TextContent) result.content().get(0)).text();
  }
}
