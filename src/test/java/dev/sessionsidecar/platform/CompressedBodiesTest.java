package dev.sessionsidecar.platform;

import static dev.sessionsidecar.platform.ProblemAssertions.assertProblem;
import static dev.sessionsidecar.testing.Api.newSession;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.zip.DeflaterOutputStream;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;

/**
 * Compressed bodies: read whole when they are what their Content-Encoding says, a 400 problem when
 * they are not (the HTTP layer closed the connection without a reply), and a 413 problem when they
 * expand past the body limit, while other clients are answered.
 */
@QuarkusTest
class CompressedBodiesTest {

  private static final String CALL = "{\"call_id\":\"%s\",\"tool\":\"Bash\"}";

  private static ValidatableResponse postCall(String session, String coding, byte[] body) {
    return given()
        .contentType("application/json")
        .header("Content-Encoding", coding)
        .body(body)
        .post("/v1/sessions/{id}/tool-calls", session)
        .then();
  }

  @Test
  void gzipAndDeflateBodiesAreReadAsWhatTheySayTheyAre() {
    String session = newSession("/srv/compressed");
    postCall(session, "gzip", gzip(String.format(CALL, "gz").getBytes(StandardCharsets.UTF_8)))
        .statusCode(201)
        .body("call_id", equalTo("gz"));
    postCall(
            session, "deflate", deflate(String.format(CALL, "df").getBytes(StandardCharsets.UTF_8)))
        .statusCode(201)
        .body("call_id", equalTo("df"));
    postCall(session, "identity", String.format(CALL, "id").getBytes(StandardCharsets.UTF_8))
        .statusCode(201);
    given().get("/v1/sessions/{id}", session).then().body("tool_calls", equalTo(3));
  }

  @Test
  void aBodyThatIsNotWhatItsCodingSaysIsAProblemAndStoresNothing() {
    String session = newSession("/srv/compressed");
    byte[] plain = String.format(CALL, "plain").getBytes(StandardCharsets.UTF_8);
    assertProblem(postCall(session, "gzip", plain), 400, "malformed_request")
        .body("detail", containsString("not gzip data"));
    byte[] cut = gzip(plain);
    assertProblem(
        postCall(session, "gzip", Arrays.copyOf(cut, cut.length - 6)), 400, "malformed_request");
    assertProblem(postCall(session, "deflate", plain), 400, "malformed_request")
        .body("detail", containsString("not deflate data"));
    given().get("/v1/sessions/{id}", session).then().body("tool_calls", equalTo(0));
  }

  @Test
  void bombsAreRefusedAtTheLimitWhileOthersAreAnswered() {
    String session = newSession("/srv/compressed");
    // 1 KB of JSON padding repeated: about 200 KB compressed, 200 MB expanded.
    byte[] bomb = gzip(bombBody(200 * 1024 * 1024));
    List<CompletableFuture<Integer>> bombs = new ArrayList<>();
    for (int i = 0; i < 6; i++) {
      bombs.add(
          CompletableFuture.supplyAsync(
              () -> postCall(session, "gzip", bomb).extract().statusCode()));
    }
    for (int i = 0; i < 5; i++) {
      postCall(session, "gzip", gzip(String.format(CALL, UUID.randomUUID()).getBytes()))
          .statusCode(201);
    }
    bombs.forEach(b -> assertEquals(413, b.join()));
    assertProblem(postCall(session, "gzip", bomb), 413, "payload_too_large")
        .body("detail", containsString("expanded"));
    given().get("/v1/sessions/{id}", session).then().body("tool_calls", equalTo(5));
  }

  private static byte[] bombBody(int size) {
    byte[] body = new byte[size];
    Arrays.fill(body, (byte) ' ');
    body[0] = '{';
    body[size - 1] = '}';
    return body;
  }

  private static byte[] gzip(byte[] plain) {
    return compressed(plain, GZIPOutputStream::new);
  }

  private static byte[] deflate(byte[] plain) {
    return compressed(plain, DeflaterOutputStream::new);
  }

  /** The bytes written through an encoder (gzip or deflate). */
  private static byte[] compressed(byte[] plain, Encoder encoder) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (OutputStream zip = encoder.over(out)) {
      zip.write(plain);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }

  /** A compressing stream over another. */
  private interface Encoder {
    OutputStream over(OutputStream out) throws IOException;
  }
}
