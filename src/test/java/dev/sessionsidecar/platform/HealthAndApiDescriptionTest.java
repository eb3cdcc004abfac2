package dev.sessionsidecar.platform;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.net.URL;
import org.junit.jupiter.api.Test;

@QuarkusTest
class HealthAndApiDescriptionTest {

  // Management URLs are resolved under the management root path, /q.
  @TestHTTPResource(value = "/health", management = true)
  URL health;

  @Test
  void livenessIsUp() {
    given().get(health + "/live").then().statusCode(200).body("status", equalTo("UP"));
  }

  @Test
  void readinessProvesTheDatabaseTakesAWrite() {
    given()
        .get(health + "/ready")
        .then()
        .statusCode(200)
        .body("status", equalTo("UP"))
        .body("checks.find { it.name == 'database' }.data.writable", equalTo(true));
  }

  @Test
  void startedIsUp() {
    given().get(health + "/started").then().statusCode(200).body("status", equalTo("UP"));
  }

  @Test
  void healthIsNotOnTheApiPort() {
    given().get("/q/health/ready").then().statusCode(404);
  }

  @Test
  void theApiIsDescribedOnTheApiPort() {
    given()
        .accept("application/json")
        .get("/q/openapi")
        .then()
        .statusCode(200)
        .body(containsString("/v1/sessions/{id}/tool-calls"))
        .body(containsString("/v1/tools/session"));
    given().get("/q/swagger-ui/").then().statusCode(200);
  }
}
