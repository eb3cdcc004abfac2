package dev.sessionsidecar.platform;

import static dev.sessionsidecar.platform.ProblemAssertions.assertProblem;
import static dev.sessionsidecar.testing.Api.newProject;
import static dev.sessionsidecar.testing.Api.newSession;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** What the HTTP layer answers to requests that never reach a feature. */
@QuarkusTest
class HttpProblemTest {

  @Test
  void malformedJsonSaysWhere() {
    assertProblem(
            given()
                .contentType(ContentType.JSON)
                .body("{\"tool\": ")
                .post("/v1/sessions/x/tool-calls")
                .then(),
            400,
            "malformed_request")
        .body("detail", containsString("not valid JSON"));
  }

  @Test
  void nanAndDuplicateKeysAndTrailingContentAreMalformed() {
    String session = newSession(newProject());
    for (String body :
        new String[] {
          "{\"tool\":\"x\",\"duration_ms\":NaN}",
          "{\"tool\":\"x\",\"duration_ms\":Infinity}",
          "{\"tool\":\"x\",\"tool\":\"y\"}",
          "{\"tool\":\"x\"} {\"tool\":\"y\"}",
        }) {
      assertProblem(
          given()
              .contentType(ContentType.JSON)
              .body(body)
              .post("/v1/sessions/{id}/tool-calls", session)
              .then(),
          400,
          "malformed_request");
    }
    given().get("/v1/sessions/{id}/tool-calls", session).then().body("total", equalTo(0));
  }

  @Test
  void invalidUtf8IsMalformed() {
    byte[] body = {'{', '"', 't', 'o', 'o', 'l', '"', ':', '"', (byte) 0xff, (byte) 0xfe, '"', '}'};
    assertProblem(
        given().contentType(ContentType.JSON).body(body).post("/v1/sessions/x/tool-calls").then(),
        400,
        "malformed_request");
  }

  @Test
  void deeplyNestedJsonIsRefused() {
    String deep = "[".repeat(5000) + "]".repeat(5000);
    assertProblem(
        given().contentType(ContentType.JSON).body(deep).post("/v1/tools/session").then(),
        400,
        "malformed_request");
  }

  @Test
  void wrongContentTypeIs415() {
    assertProblem(
            given().contentType(ContentType.TEXT).body("hello").post("/v1/sessions").then(),
            415,
            "unsupported_media_type")
        .body("detail", containsString("application/json"));
    for (String vague : new String[] {"*/*", "application/octet-stream"}) {
      assertProblem(
              given()
                  .contentType(vague)
                  .body("{\"project_path\":\"/src/vague\"}".getBytes())
                  .post("/v1/sessions")
                  .then(),
              415,
              "unsupported_media_type")
          .body("detail", containsString("application/json"));
    }
    given().get("/v1/sessions?project=/src/vague").then().body("total", equalTo(0));
  }

  @Test
  void aRequestWithoutAUsableHostIsAProblemAndDoesNothing() throws Exception {
    String body = "{\"session_id\":\"no-host-1\",\"project_path\":\"/src/no-host\"}";
    for (String head :
        new String[] {
          "POST /v1/sessions HTTP/1.0\r\n",
          "POST /v1/sessions HTTP/1.1\r\nConnection: close\r\n",
          "POST /v1/sessions HTTP/1.1\r\nHost: a@b\r\nConnection: close\r\n",
          "POST /v1/sessions HTTP/1.1\r\nHost: [::1\r\nConnection: close\r\n"
        }) {
      String reply =
          raw(
              head
                  + "Content-Type: application/json\r\nContent-Length: "
                  + body.length()
                  + "\r\n\r\n"
                  + body);
      assertTrue(reply.startsWith("HTTP/1.") && reply.contains(" 400 "), head + reply);
      assertTrue(reply.contains("application/problem+json"), reply);
      assertTrue(reply.contains("\"code\":\"malformed_request\""), reply);
    }
    given().get("/v1/sessions/no-host-1").then().statusCode(404);
  }

  @Test
  void aTransferEncodingOtherThanChunkedIsAProblemAndDoesNothing() throws Exception {
    String body = "{\"session_id\":\"te-identity-1\",\"project_path\":\"/src/te\"}";
    for (String coding : new String[] {"identity", "gzip"}) {
      String reply =
          rawUntilQuiet(
              "POST /v1/sessions HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\n"
                  + "Transfer-Encoding: "
                  + coding
                  + "\r\n\r\n"
                  + body);
      assertTrue(reply.startsWith("HTTP/1.1 400 "), coding + ": " + reply);
      assertTrue(reply.contains("\"code\":\"malformed_request\""), coding + ": " + reply);
      assertTrue(reply.contains("Transfer-Encoding"), coding + ": " + reply);
    }
    given().get("/v1/sessions/te-identity-1").then().statusCode(404);
  }

  /**
   * A request on a socket whose body has no known end, and what came back before the connection
   * closed or went quiet for two seconds.
   */
  private static String rawUntilQuiet(String request) throws IOException {
    try (Socket socket = new Socket("127.0.0.1", RestAssured.port)) {
      socket.setSoTimeout(2000);
      socket.getOutputStream().write(request.getBytes(StandardCharsets.UTF_8));
      ByteArrayOutputStream reply = new ByteArrayOutputStream();
      byte[] chunk = new byte[4096];
      try {
        for (int n = socket.getInputStream().read(chunk);
            n > 0;
            n = socket.getInputStream().read(chunk)) {
          reply.write(chunk, 0, n);
        }
      } catch (SocketTimeoutException quiet) {
        // what arrived is the reply
      }
      return reply.toString(StandardCharsets.UTF_8);
    }
  }

  /** A request written byte by byte on a socket, and the whole reply. */
  private static String raw(String request) throws IOException {
    try (Socket socket = new Socket("127.0.0.1", RestAssured.port)) {
      socket.setSoTimeout(5000);
      socket.getOutputStream().write(request.getBytes(StandardCharsets.UTF_8));
      return new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  @Test
  void anUnknownContentEncodingIs415NotReadAsIs() {
    assertProblem(
            given()
                .contentType(ContentType.JSON)
                .header("Content-Encoding", "x-evil")
                .body("{\"project_path\":\"/src/evil\"}")
                .post("/v1/sessions")
                .then(),
            415,
            "unsupported_media_type")
        .body("detail", containsString("x-evil"));
    given().get("/v1/sessions?project=/src/evil").then().body("total", equalTo(0));
  }

  @Test
  void bodiesOverTheLimitAre413WithOrWithoutContentLength() {
    String big = "{\"tool\":\"" + "a".repeat(1_100_000) + "\"}";
    assertProblem(
            given()
                .contentType(ContentType.JSON)
                .body(big)
                .post("/v1/sessions/x/tool-calls")
                .then(),
            413,
            "payload_too_large")
        .body("detail", containsString("1048576 bytes"));
    // An InputStream body has no known length, so it is sent chunked.
    assertProblem(
        given()
            .contentType(ContentType.JSON)
            .body(new ByteArrayInputStream(big.getBytes(StandardCharsets.UTF_8)))
            .post("/v1/sessions/x/tool-calls")
            .then(),
        413,
        "payload_too_large");
  }

  @Test
  void aSmallChunkedBodyIsRead() {
    String session = newSession(newProject());
    given()
        .contentType(ContentType.JSON)
        .body(new ByteArrayInputStream("{\"tool\":\"chunked\"}".getBytes(StandardCharsets.UTF_8)))
        .post("/v1/sessions/{id}/tool-calls", session)
        .then()
        .statusCode(201)
        .body("tool", equalTo("chunked"));
  }

  @Test
  void webPagesFromOtherOriginsCannotCallTheApi() {
    Map<String, Object> usage =
        Map.of(
            "request_id",
            UUID.randomUUID().toString(),
            "provider",
            "p",
            "model",
            "m",
            "input_tokens",
            10,
            "output_tokens",
            2);
    assertProblem(
            given()
                .header("Origin", "https://evil.example")
                .contentType(ContentType.JSON)
                .body(usage)
                .post("/v1/usage")
                .then(),
            403,
            "forbidden")
        .body("detail", containsString("sidecar.allowed-origins"));
    assertProblem(
        given().header("Origin", "https://evil.example").get("/v1/sessions").then(),
        403,
        "forbidden");
    // 201, not 200: the refused request stored nothing under this request_id.
    given()
        .header("Origin", "http://localhost:3000")
        .contentType(ContentType.JSON)
        .body(usage)
        .post("/v1/usage")
        .then()
        .statusCode(201);
  }

  @Test
  void unknownPathsAndMethodsAreProblems() {
    assertProblem(given().get("/v1/nothing-here").then(), 404, "not_found");
    assertProblem(given().delete("/v1/sessions").then(), 405, "method_not_allowed");
  }
}
