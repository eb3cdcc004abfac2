package dev.sessionsidecar.inspect;

import static dev.sessionsidecar.testing.Api.newProject;
import static dev.sessionsidecar.testing.Api.newSession;
import static dev.sessionsidecar.testing.Api.recordCall;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;

import io.quarkus.test.junit.QuarkusTest;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A session's page shows every call the sidecar can store, however little the call says. */
@QuarkusTest
class SessionPageTest {

  @Test
  void aCallWithoutArgumentsIsShownWithoutThem() {
    // What a call denied in PostToolBatch, or a hook without tool_input, records.
    String session = newSession(newProject());
    recordCall(session, Map.of("tool", "Read")).statusCode(201);
    given()
        .get("/ui/sessions/{id}", session)
        .then()
        .statusCode(200)
        .body(containsString("<code class=\"preview\">—</code>"));
  }
}
