package dev.sessionsidecar.hook;

import static dev.sessionsidecar.testing.Api.recordUsage;
import static dev.sessionsidecar.testing.Api.usageOf;
import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import dev.sessionsidecar.testing.TestStore;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/**
 * A pod started with a blocking session budget from configuration: once a session used it up, the
 * hook endpoint (and the shipped command-hook script) answer PreToolUse with a deny decision and
 * UserPromptSubmit with a block decision, byte for byte as Claude Code's hooks reference shapes
 * them; the webhook got the alert.
 */
@QuarkusTest
@TestProfile(BudgetStopTest.BlockingPod.class)
class BudgetStopTest {

  /** Alert bodies the webhook received. */
  static final List<String> ALERTS = new CopyOnWriteArrayList<>();

  static final HttpServer WEBHOOK = webhook();

  /** A fresh store; every session may spend $1, then it is stopped; alerts go to the webhook. */
  public static class BlockingPod implements QuarkusTestProfile {
    @Override
    public Map<String, String> getConfigOverrides() {
      Map<String, String> config = new HashMap<>(TestStore.fresh("budget-stop"));
      config.put("sidecar.budget.session-usd", "1");
      config.put("sidecar.budget.session-action", "block");
      config.put(
          "sidecar.budget.webhook-url",
          "http://127.0.0.1:" + WEBHOOK.getAddress().getPort() + "/alerts");
      return config;
    }
  }

  private static HttpServer webhook() {
    try {
      HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
      server.createContext(
          "/alerts",
          exchange -> {
            ALERTS.add(
                new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
            exchange.sendResponseHeaders(204, -1);
            exchange.close();
          });
      server.start();
      return server;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String hook(String event, String session) {
    return given()
        .contentType(ContentType.JSON)
        .body(Map.of("hook_event_name", event, "session_id", session, "cwd", "/srv/agents/budget"))
        .post("/v1/hooks/claude-code")
        .then()
        .statusCode(200)
        .extract()
        .asString();
  }

  @Test
  void aUsedUpBlockingBudgetStopsTheAgentThroughItsHooks() throws Exception {
    JsonPath budgets = given().get("/v1/budgets").then().statusCode(200).extract().jsonPath();
    assertEquals("config:session-usd", budgets.getString("[0].origin"));
    assertEquals("block", budgets.getString("[0].action"));
    int id = budgets.getInt("[0].id");

    String session = UUID.randomUUID().toString();
    assertEquals("{}", hook("SessionStart", session));
    assertEquals("{}", hook("PreToolUse", session), "nothing spent yet");
    Map<String, Object> usage = usageOf(session);
    usage.put("cost_usd", new BigDecimal("1.2"));
    recordUsage(usage).statusCode(201);

    String reason =
        "Spend limit reached: budget "
            + id
            + " (session, per session) is used up at $1.20 of $1.00 (120%). Stop and tell the"
            + " user; to go on, raise it (PATCH /v1/budgets/"
            + id
            + " with a higher limit_usd or limit_tokens) or remove it (DELETE /v1/budgets/"
            + id
            + ") on the session sidecar.";
    String deny =
        "{\"hookSpecificOutput\":{\"hookEventName\":\"PreToolUse\",\"permissionDecision\":\"deny\","
            + "\"permissionDecisionReason\":\""
            + reason
            + "\"}}";
    assertEquals(deny, hook("PreToolUse", session));
    assertEquals(
        "{\"decision\":\"block\",\"reason\":\"" + reason + "\"}",
        hook("UserPromptSubmit", session));
    assertEquals("{}", hook("Stop", session), "other events get no decision");
    assertEquals(
        deny,
        given()
            .contentType(ContentType.JSON)
            .body(Map.of("hook_event_name", "PreToolUse", "session_id", session, "cwd", "/w"))
            .post("/v1/hooks/codex")
            .then()
            .statusCode(200)
            .extract()
            .asString(),
        "Codex's hooks take the same decision");

    String base = RestAssured.baseURI + ":" + RestAssured.port;
    String preToolUse =
        "{\"hook_event_name\":\"PreToolUse\",\"session_id\":\""
            + session
            + "\",\"tool_name\":\"Bash\",\"tool_use_id\":\"toolu_1\"}";
    ClaudeCodeHookTest.Run run = ClaudeCodeHookTest.script(base, preToolUse, "5");
    assertEquals(0, run.exitCode());
    assertEquals(deny + "\n", run.stdout(), "the command hook prints the decision");

    String other = UUID.randomUUID().toString();
    assertEquals("{}", hook("SessionStart", other));
    assertEquals("{}", hook("PreToolUse", other), "another session has its own budget");

    long deadline = System.nanoTime() + 10_000_000_000L;
    while (ALERTS.isEmpty() && System.nanoTime() < deadline) {
      Thread.sleep(50);
    }
    assertEquals(1, ALERTS.size(), "one alert for the crossing: " + ALERTS);
    JsonPath alert = JsonPath.from(ALERTS.get(0));
    assertEquals(id, alert.getInt("budget_id"));
    assertEquals(1.0, alert.getDouble("threshold"));
    assertEquals("session:" + session, alert.getString("subject"));
    assertTrue(alert.getString("text").contains("passed 100%"), alert.getString("text"));
    assertTrue(alert.getString("text").contains("refused"), alert.getString("text"));
  }
}
