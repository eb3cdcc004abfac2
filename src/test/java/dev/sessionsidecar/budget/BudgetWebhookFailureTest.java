package dev.sessionsidecar.budget;

import static dev.sessionsidecar.testing.Api.newProject;
import static dev.sessionsidecar.testing.Api.newSession;
import static dev.sessionsidecar.testing.Api.recordUsage;
import static dev.sessionsidecar.testing.Api.usageOf;
import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.sessionsidecar.testing.TestStore;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.net.ServerSocket;
import java.net.URL;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * A pod whose budget webhook cannot be reached: the usage write that crossed the line answers 201,
 * and after its retries the failure is counted in {@code sidecar_budget_webhook_failures_total}.
 */
@QuarkusTest
@TestProfile(BudgetWebhookFailureTest.UnreachableWebhook.class)
class BudgetWebhookFailureTest {

  /** A project budget of one cent a day, alerts posted to a port nothing listens on. */
  public static class UnreachableWebhook implements QuarkusTestProfile {
    @Override
    public Map<String, String> getConfigOverrides() {
      Map<String, String> config = new HashMap<>(TestStore.fresh("budget-webhook"));
      config.put("sidecar.budget.project-daily-usd", "0.01");
      config.put("sidecar.budget.webhook-url", "http://127.0.0.1:" + closedPort() + "/alerts");
      config.put("sidecar.budget.webhook-attempts", "2");
      config.put("sidecar.budget.webhook-timeout", "1s");
      return config;
    }
  }

  @TestHTTPResource(value = "/metrics", management = true)
  URL metrics;

  private static int closedPort() {
    try (ServerSocket free = new ServerSocket(0)) {
      return free.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Test
  void anUnreachableWebhookIsRetriedThenCountedAndNeverHoldsTheWrite() throws Exception {
    Map<String, Object> usage = usageOf(newSession(newProject()));
    usage.put("cost_usd", new BigDecimal("0.5"));
    recordUsage(usage).statusCode(201);

    long deadline = System.nanoTime() + 15_000_000_000L;
    double failures = 0;
    while (failures < 1 && System.nanoTime() < deadline) {
      Thread.sleep(200);
      failures = counter(given().get(metrics.toString()).then().extract().asString());
    }
    assertEquals(1.0, failures, "one alert, given up after its two attempts");
  }

  private static double counter(String exposition) {
    Matcher line =
        Pattern.compile("(?m)^sidecar_budget_webhook_failures_total(\\{[^}]*\\})? ([0-9.eE+-]+)$")
            .matcher(exposition);
    return line.find() ? Double.parseDouble(line.group(2)) : 0;
  }
}
