package dev.sessionsidecar.mcp;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.emptyString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import io.restassured.specification.RequestSpecification;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Every error path of {@code /mcp}, once per revision it serves: 2026-07-28 (stateless, headers
 * mirror the body) and 2025-11-25 (after {@code initialize}, no session id). Each bad message gets
 * the JSON-RPC error or HTTP status its revision names, at once.
 */
@QuarkusTest
class McpRevisionsTest {

  static final String MODERN = "2026-07-28";
  static final String LEGACY = "2025-11-25";

  @Test
  void discoveryNamesBothErasAndTheToolsCapability() {
    modern("server/discover", null, Map.of())
        .statusCode(200)
        .body("id", equalTo(7))
        .body("result.resultType", equalTo("complete"))
        .body("result.supportedVersions", hasItems(MODERN, LEGACY, "2025-06-18"))
        .body("result.capabilities.tools", org.hamcrest.Matchers.notNullValue())
        .body("result.serverInfo.name", equalTo("session-sidecar"))
        .body("result.cacheScope", equalTo("public"));
  }

  @Test
  void theModernRevisionListsAndCallsTheToolWithoutAHandshake() {
    modern("tools/list", null, Map.of())
        .statusCode(200)
        .body("result.resultType", equalTo("complete"))
        .body("result.tools[0].name", equalTo("session"))
        .body("result.tools[0].inputSchema.required", hasItems("action"));
    Map<String, Object> params = call(Map.of("action", "list_sessions", "limit", "x"));
    modern("tools/call", "session", params)
        .statusCode(200)
        .body("result.resultType", equalTo("complete"))
        .body("result.isError", equalTo(true))
        .body("result.content[0].text", startsWith("invalid_argument: limit"));
  }

  @Test
  void initializeAgreesARevisionAndKeepsNoSession() {
    given()
        .spec(json())
        .body(
            "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"initialize\",\"params\":{"
                + "\"protocolVersion\":\"2099-01-01\",\"capabilities\":{},"
                + "\"clientInfo\":{\"name\":\"t\",\"version\":\"1\"}}}")
        .post("/mcp")
        .then()
        .statusCode(200)
        .header("Mcp-Session-Id", nullValue())
        .body("result.protocolVersion", equalTo(LEGACY))
        .body("result.resultType", nullValue());
    legacy("ping", Map.of()).statusCode(200).body("result.size()", equalTo(0));
  }

  @ParameterizedTest
  @ValueSource(strings = {MODERN, LEGACY})
  void unknownToolsWrongArgumentsAndAMissingActionAreNamed(String revision) {
    on(revision, "tools/call", "grep", Map.of("name", "grep", "arguments", Map.of()))
        .statusCode(200)
        .body("error.code", equalTo(-32602))
        .body("error.message", containsString("this server has one tool, \"session\""));
    on(revision, "tools/call", "session", Map.of("name", "session", "arguments", "recap"))
        .statusCode(200)
        .body("error.code", equalTo(-32602))
        .body("error.message", containsString("params.arguments must be a JSON object"));
    on(revision, "tools/call", "session", call(Map.of("action", "recap", "since_days", "5")))
        .statusCode(200)
        .body("result.isError", equalTo(true))
        .body("result.content[0].text", startsWith("invalid_argument: since_days"));
    on(revision, "tools/call", "session", call(Map.of()))
        .statusCode(200)
        .body("result.isError", equalTo(true))
        .body("result.content[0].text", startsWith("invalid_action: "));
    Map<String, Object> nullLimit = new LinkedHashMap<>();
    nullLimit.put("action", "usage_list");
    nullLimit.put("limit", null);
    on(revision, "tools/call", "session", call(nullLimit))
        .statusCode(200)
        .body("result.isError", equalTo(false));
  }

  @ParameterizedTest
  @ValueSource(strings = {MODERN, LEGACY})
  void anUnknownMethodIsMethodNotFound(String revision) {
    on(revision, "resources/list", null, Map.of())
        .statusCode(MODERN.equals(revision) ? 404 : 200)
        .body("error.code", equalTo(-32601))
        .body("error.message", containsString("tools/call"));
  }

  @ParameterizedTest
  @ValueSource(strings = {MODERN, LEGACY})
  void aBatchANotificationAndMalformedMessagesAreRefusedAtOnce(String revision) {
    send(revision, "tools/list", null, "[]")
        .statusCode(400)
        .body("error.code", equalTo(-32600))
        .body("error.message", containsString("batch"));
    send(
            revision,
            "tools/list",
            null,
            "[{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"tools/list\",\"params\":{}}]")
        .statusCode(400)
        .body("error.code", equalTo(-32600));
    send(
            revision,
            "notifications/cancelled",
            null,
            "{\"jsonrpc\":\"2.0\",\"method\":"
                + "\"notifications/cancelled\",\"params\":{\"requestId\":3}}")
        .statusCode(202)
        .body(emptyString());
    send(
            revision,
            "tools/call",
            "session",
            "{\"jsonrpc\":\"2.0\",\"method\":\"tools/call\","
                + "\"params\":{\"name\":\"session\",\"arguments\":{\"action\":\"recap\"}}}")
        .statusCode(400)
        .body("error.code", equalTo(-32600))
        .body("error.message", containsString("give it an \"id\""));
    for (String message :
        new String[] {
          "{\"jsonrpc\":\"2.0\",\"id\":{},\"method\":\"tools/list\"}",
          "{\"jsonrpc\":\"2.0\",\"id\":true,\"method\":\"tools/list\"}",
          "{\"jsonrpc\":\"2.0\",\"id\":1.5,\"method\":\"tools/list\"}",
          "{\"jsonrpc\":\"2.0\",\"id\":\"a\\u0000b\",\"method\":\"tools/list\"}",
          "{\"jsonrpc\":2.0,\"id\":1,\"method\":\"tools/list\"}",
          "{\"jsonrpc\":\"2.0\",\"id\":1,\"result\":{}}",
        }) {
      send(revision, "tools/list", null, message)
          .statusCode(400)
          .body("error.code", equalTo(-32600));
    }
    send(
            revision,
            "tools/call",
            null,
            "{\"jsonrpc\":\"2.0\",\"id\":5,\"method\":\"tools/call\"," + "\"params\":[1,2]}")
        .statusCode(200)
        .body("id", equalTo(5))
        .body("error.code", equalTo(-32602));
    send(revision, "tools/list", null, "{\"jsonrpc\":\"2.0\",\"id\":1,")
        .statusCode(400)
        .body("error.code", equalTo(-32700));
  }

  @ParameterizedTest
  @ValueSource(strings = {MODERN, LEGACY})
  void aForeignOriginAndAnOversizeBodyAreRefusedBeforeTheyAreRead(String revision) {
    headers(revision, "tools/list", null)
        .header("Origin", "https://evil.example")
        .body(message("tools/list", Map.of(), revision))
        .post("/mcp")
        .then()
        .statusCode(403)
        .body("error.code", equalTo(-32600))
        .body("error.message", containsString("sidecar.allowed-origins"));
    String huge =
        "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"tools/list\",\"params\":{\"pad\":\""
            + "x".repeat(2_000_000)
            + "\"}}";
    headers(revision, "tools/list", null)
        .body(huge)
        .post("/mcp")
        .then()
        .statusCode(413)
        .contentType(startsWith("application/problem+json"));
  }

  @ParameterizedTest
  @ValueSource(strings = {MODERN, LEGACY})
  void mediaTypesTheServerCannotServeAreNamed(String revision) {
    headers(revision, "tools/list", null)
        .header("Accept", "text/html")
        .body(message("tools/list", Map.of(), revision))
        .post("/mcp")
        .then()
        .statusCode(406)
        .body("error.message", containsString("Accept"));
    headers(revision, "tools/list", null)
        .contentType("text/plain")
        .body("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"tools/list\"}")
        .post("/mcp")
        .then()
        .statusCode(415)
        .body("error.message", containsString("Content-Type must be application/json"));
  }

  @Test
  void modernHeadersMustSayWhatTheBodySays() {
    Map<String, Object> recap = message("tools/call", call(Map.of("action", "recap")), MODERN);
    sentWith(MODERN, "tools/call", null, recap)
        .statusCode(400)
        .body("error.code", equalTo(-32020))
        .body("error.message", containsString("Mcp-Name"));
    sentWith(MODERN, "tools/list", "session", recap)
        .statusCode(400)
        .body("error.code", equalTo(-32020))
        .body("error.message", containsString("Mcp-Method is 'tools/list'"));
    // The name may come Base64-encoded; "session" is c2Vzc2lvbg==.
    sentWith(MODERN, "tools/call", "=?base64?c2Vzc2lvbg==?=", recap)
        .statusCode(200)
        .body("result.isError", equalTo(false));
    sentWith(LEGACY, "tools/list", null, message("tools/list", Map.of(), MODERN))
        .statusCode(400)
        .body("error.code", equalTo(-32020));
  }

  /** {@code message} with exactly these headers (null: left out), right or wrong. */
  private static ValidatableResponse sentWith(
      String version, String method, String name, Map<String, Object> message) {
    RequestSpecification request =
        given().spec(json()).header("MCP-Protocol-Version", version).header("Mcp-Method", method);
    if (name != null) {
      request.header("Mcp-Name", name);
    }
    return request.body(message).post("/mcp").then();
  }

  @Test
  void anUnsupportedRevisionIsAnsweredWithTheSupportedOnes() {
    given()
        .spec(json())
        .header("MCP-Protocol-Version", "2031-01-01")
        .header("Mcp-Method", "tools/list")
        .body(message("tools/list", Map.of(), "2031-01-01"))
        .post("/mcp")
        .then()
        .statusCode(400)
        .body("error.code", equalTo(-32022))
        .body("error.data.requested", equalTo("2031-01-01"))
        .body("error.data.supported", hasItems(MODERN, LEGACY));
    Map<String, Object> noCapabilities =
        Map.of("_meta", Map.of("io.modelcontextprotocol/protocolVersion", MODERN));
    given()
        .spec(json())
        .header("MCP-Protocol-Version", MODERN)
        .header("Mcp-Method", "tools/list")
        .body(Map.of("jsonrpc", "2.0", "id", 1, "method", "tools/list", "params", noCapabilities))
        .post("/mcp")
        .then()
        .statusCode(200)
        .body("error.code", equalTo(-32602))
        .body("error.message", containsString("clientCapabilities"));
  }

  @ParameterizedTest
  @ValueSource(strings = {"GET", "DELETE"})
  void thereIsNoStreamAndNoSessionToEnd(String method) {
    given()
        .header("Accept", "text/event-stream")
        .request(method, "/mcp")
        .then()
        .statusCode(405)
        .contentType(startsWith("application/problem+json"))
        .body("detail", containsString("POST only"));
  }

  private static Map<String, Object> call(Map<String, Object> arguments) {
    Map<String, Object> params = new LinkedHashMap<>();
    params.put("name", "session");
    params.put("arguments", arguments);
    return params;
  }

  private static ValidatableResponse modern(
      String method, String name, Map<String, Object> params) {
    return on(MODERN, method, name, params);
  }

  private static ValidatableResponse legacy(String method, Map<String, Object> params) {
    return on(LEGACY, method, null, params);
  }

  /** A request of {@code revision} as a conforming client sends it. */
  private static ValidatableResponse on(
      String revision, String method, String name, Map<String, Object> params) {
    return headers(revision, method, name)
        .body(message(method, params, revision))
        .post("/mcp")
        .then();
  }

  private static ValidatableResponse send(
      String revision, String method, String name, String body) {
    return headers(revision, method, name).body(body).post("/mcp").then();
  }

  private static RequestSpecification headers(String revision, String method, String name) {
    RequestSpecification request = given().spec(json()).header("MCP-Protocol-Version", revision);
    if (MODERN.equals(revision)) {
      request.header("Mcp-Method", method);
      if (name != null) {
        request.header("Mcp-Name", name);
      }
    }
    return request;
  }

  private static RequestSpecification json() {
    return given()
        .contentType("application/json")
        .header("Accept", "application/json, text/event-stream");
  }

  /** The message itself; on 2026-07-28 its params carry the revision and capabilities. */
  private static Map<String, Object> message(
      String method, Map<String, Object> params, String revision) {
    Map<String, Object> withMeta = new LinkedHashMap<>(params);
    if (!LEGACY.equals(revision)) {
      withMeta.put(
          "_meta",
          Map.of(
              "io.modelcontextprotocol/protocolVersion",
              revision,
              "io.modelcontextprotocol/clientCapabilities",
              Map.of()));
    }
    Map<String, Object> message = new LinkedHashMap<>();
    message.put("jsonrpc", "2.0");
    message.put("id", 7);
    message.put("method", method);
    message.put("params", withMeta);
    return message;
  }
}
