package dev.sessionsidecar.platform;

import static dev.sessionsidecar.platform.ProblemAssertions.assertProblem;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;

import dev.sessionsidecar.testing.OtlpJson;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.specification.RequestSpecification;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A web page can neither read nor write the agent's record: every door of the API port answers only
 * the allowed host names (a DNS-rebinding page sends its own), and every door that writes refuses a
 * foreign Origin, OTLP included. Agents, hooks and exporters send neither.
 */
@QuarkusTest
class HostAndOriginRulesTest {

  private static final List<String> READS = List.of("/v1/recap", "/v1/usage", "/q/openapi", "/");

  @Test
  void aForeignHostNameReadsNothingOnAnyDoor() {
    for (String host : List.of("evil.example:8080", "evil.example", "127.0.0.1.nip.io:8080")) {
      for (String path : READS) {
        assertProblem(given().header("Host", host).get(path).then(), 403, "forbidden")
            .body("detail", containsString("sidecar.allowed-hosts"));
      }
      assertProblem(
          given()
              .header("Host", host)
              .contentType("application/json")
              .body(OtlpJson.logs(null))
              .post("/otlp/v1/logs")
              .then(),
          403,
          "forbidden");
      assertProblem(
          given()
              .header("Host", host)
              .contentType("application/json")
              .body("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"tools/list\"}")
              .post("/mcp")
              .then(),
          403,
          "forbidden");
    }
  }

  @Test
  void theLoopbackNamesAreServed() {
    for (String host : List.of("localhost:8081", "127.0.0.1", "[::1]:8081", "LOCALHOST")) {
      given().header("Host", host).get("/v1/recap").then().statusCode(200);
    }
  }

  @Test
  void aForeignPageCannotWriteUsageThroughOtlp() {
    RequestSpecification foreign =
        given().header("Origin", "https://evil.example").contentType("application/json");
    assertProblem(foreign.body(OtlpJson.logs(null)).post("/otlp/v1/logs").then(), 403, "forbidden")
        .body("detail", not(containsString("Exception")));
    OtlpJson.post("logs", OtlpJson.logs(null)).statusCode(200);
  }
}
