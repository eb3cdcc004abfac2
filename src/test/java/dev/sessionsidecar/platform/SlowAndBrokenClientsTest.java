package dev.sessionsidecar.platform;

import static dev.sessionsidecar.testing.Api.newSession;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.anyOf;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/**
 * Clients on a bad network, over a raw socket: one that sends its request in small pieces (answered
 * whole), one that closes its side right after sending (its retry counts the call once), and one
 * that stops in the middle of its body (nothing stored, and everyone else is answered meanwhile).
 */
@QuarkusTest
class SlowAndBrokenClientsTest {

  private static String request(String session, String callId, int declaredLength) {
    String body = "{\"call_id\":\"" + callId + "\",\"tool\":\"Bash\"}";
    int length = declaredLength > 0 ? declaredLength : body.length();
    return "POST /v1/sessions/"
        + session
        + "/tool-calls HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\n"
        + "Content-Length: "
        + length
        + "\r\nConnection: close\r\n\r\n"
        + body;
  }

  @Test
  void aClientThatSendsItsRequestInSmallPiecesIsAnsweredWhole() throws Exception {
    String session = newSession("/srv/slow");
    byte[] bytes = request(session, "slow", 0).getBytes(StandardCharsets.UTF_8);
    try (Socket socket = new Socket("127.0.0.1", RestAssured.port)) {
      socket.setSoTimeout(10_000);
      OutputStream out = socket.getOutputStream();
      for (int i = 0; i < bytes.length; i += 16) {
        out.write(bytes, i, Math.min(16, bytes.length - i));
        out.flush();
        Thread.sleep(40); // about 1.5 s for the whole request
      }
      String answer = readAll(socket.getInputStream());
      assertTrue(answer.startsWith("HTTP/1.1 201"), answer);
    }
    given().get("/v1/sessions/{id}", session).then().body("tool_calls", equalTo(1));
  }

  @Test
  void aClientThatClosesItsSideAfterSendingCanRetryWithoutACallCountedTwice() throws Exception {
    String session = newSession("/srv/slow");
    String answer;
    try (Socket socket = new Socket("127.0.0.1", RestAssured.port)) {
      socket.setSoTimeout(10_000);
      socket.getOutputStream().write(request(session, "half", 0).getBytes(StandardCharsets.UTF_8));
      socket.shutdownOutput();
      answer = readAll(socket.getInputStream());
    }
    // The HTTP layer (Vert.x) takes a half-close for the end of the connection: the answer may
    // not arrive. Whether or not the call was stored, a retry with its id counts it once.
    assertTrue(answer.isEmpty() || answer.startsWith("HTTP/1.1 201"), answer);
    given()
        .contentType("application/json")
        .body("{\"call_id\":\"half\",\"tool\":\"Bash\"}")
        .post("/v1/sessions/{id}/tool-calls", session)
        .then()
        .statusCode(anyOf(equalTo(200), equalTo(201)));
    given().get("/v1/sessions/{id}", session).then().body("tool_calls", equalTo(1));
  }

  @Test
  void aClientThatStopsInTheMiddleOfItsBodyStoresNothingAndHoldsUpNobody() throws Exception {
    String session = newSession("/srv/slow");
    String cut = request(session, "cut", 200); // declares 200 bytes, sends about 40
    try (Socket stalled = new Socket("127.0.0.1", RestAssured.port);
        Socket closed = new Socket("127.0.0.1", RestAssured.port)) {
      stalled.getOutputStream().write(cut.getBytes(StandardCharsets.UTF_8));
      closed.getOutputStream().write(cut.getBytes(StandardCharsets.UTF_8));
      closed.shutdownOutput();
      closed.setSoTimeout(10_000);
      // The closed one never finished its request: the connection ends, with no success.
      String answer = readAll(closed.getInputStream());
      assertTrue(answer.isEmpty() || answer.startsWith("HTTP/1.1 4"), answer);
      // Meanwhile, with one request stalled mid-body, everyone else is answered.
      given()
          .get("/v1/sessions/{id}", session)
          .then()
          .statusCode(200)
          .body("tool_calls", equalTo(0));
    }
    given().get("/v1/sessions/{id}", session).then().body("tool_calls", equalTo(0));
  }

  private static String readAll(InputStream in) throws IOException {
    try {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (SocketTimeoutException timedOut) {
      return "(no answer within the timeout)";
    }
  }
}
