package dev.sessionsidecar.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.sessionsidecar.testing.Browser;
import dev.sessionsidecar.testing.SidecarProcess;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;

/**
 * The inspection page of one sidecar of a two-pod fleet, in headless Chromium: the Fleet view and
 * the overview's per-pod breakdown show what the API says of both pods, and a pod's link lists only
 * its sessions.
 */
class FleetPageIT {

  private static final ObjectMapper JSON = new ObjectMapper();

  private PostgresqlFleet fleet;
  private ChromeDriver browser;

  @BeforeEach
  void postgresqlRun() {
    assumeFalse(Boolean.getBoolean("skipPostgresql"), "the PostgreSQL run is switched off");
  }

  @AfterEach
  void stop() throws Exception {
    if (browser != null) {
      browser.quit();
    }
    if (fleet != null) {
      fleet.close();
    }
  }

  @Test
  void theFleetViewShowsBothPodsAsTheApiCountsThem() throws Exception {
    fleet = PostgresqlFleet.start(2, Map.of());
    for (int pod = 0; pod < 2; pod++) {
      SidecarProcess sidecar = fleet.sidecar(pod);
      String session = "page-session-" + pod;
      post(sidecar, "/v1/sessions", "{\"session_id\":\"" + session + "\",\"project_path\":\"/p\"}");
      for (int call = 0; call < 2 + 3 * pod; call++) {
        post(sidecar, "/v1/sessions/" + session + "/tool-calls", "{\"tool\":\"Read\"}");
      }
      post(
          sidecar,
          "/v1/usage",
          "{\"provider\":\"openai\",\"model\":\"gpt-4o\",\"input_tokens\":"
              + (1000 * (pod + 1))
              + ",\"output_tokens\":100}");
    }
    SidecarProcess viewed = fleet.sidecar(0);
    JsonNode api = JSON.readTree(viewed.get(viewed.apiUrl("/v1/instances")).body());
    assertEquals(2, api.size());

    browser = Browser.start();
    browser.get("http://localhost:" + viewed.apiPort + "/ui/fleet");
    for (JsonNode instance : api) {
      List<String> cells = cells("#instances", instance.get("instance").asText());
      assertEquals(
          List.of(
              instance.get("active_sessions").asText(),
              instance.get("tool_calls").asText(),
              instance.get("llm_requests").asText()),
          cells.subList(4, 7),
          instance.toString());
      assertEquals(instance.get("alive").asBoolean() ? "alive" : "silent", cells.get(3));
    }
    Browser.screenshot(browser, "fleet");
    Browser.assertNoConsoleErrors(browser, "fleet");

    browser.get("http://localhost:" + viewed.apiPort + "/");
    for (JsonNode instance : api) {
      List<String> cells = cells("#pods", instance.get("instance").asText());
      assertEquals(instance.get("tool_calls").asText(), cells.get(2), instance.toString());
    }

    browser.get("http://localhost:" + viewed.apiPort + "/ui/usage");
    for (JsonNode instance : api) {
      List<String> cells = cells("#pods", instance.get("instance").asText());
      assertEquals(instance.get("llm_requests").asText(), cells.get(3), instance.toString());
    }
    Browser.assertNoConsoleErrors(browser, "usage by pod");

    // A pod's link narrows the overview to it, and the navigation keeps the narrowing.
    browser.get("http://localhost:" + viewed.apiPort + "/ui/fleet");
    browser.findElement(By.linkText("pod-1")).click();
    JsonNode pod1 =
        JSON.readTree(viewed.get(viewed.apiUrl("/v1/usage/summary?since_days=7&pod=pod-1")).body());
    assertEquals("pod-1", pod1.at("/scope/pod").asText());
    assertEquals(1, pod1.at("/usage/requests").asLong());
    assertEquals(pod1.at("/usage/requests").asText(), text("#total-requests"));
    assertEquals("5", text("#total-tool-calls"));
    assertEquals("1", text("#total-sessions"));
    assertEquals(List.of("pod-1"), instancesIn("#pods"));
    Browser.assertNoConsoleErrors(browser, "overview of a pod");

    browser.findElement(By.linkText("Usage")).click();
    assertEquals(pod1.at("/usage/requests").asText(), text("#usage-requests"));
    assertEquals(List.of("pod-1"), instancesIn("#pods"));

    browser.findElement(By.linkText("Recap")).click();
    assertTrue(text("#recap").contains("page-session-1"), text("#recap"));

    browser.findElement(By.linkText("Sessions")).click();
    List<WebElement> rows = browser.findElements(By.cssSelector("#sessions tbody tr"));
    assertEquals(1, rows.size());
    assertEquals("page-session-1", rows.get(0).getAttribute("data-session"));
    Browser.assertNoConsoleErrors(browser, "sessions of a pod");

    browser.findElement(By.linkText("Show the whole fleet")).click();
    assertEquals(2, browser.findElements(By.cssSelector("#sessions tbody tr")).size());
  }

  private String text(String selector) {
    return browser.findElement(By.cssSelector(selector)).getText().trim();
  }

  /** The instances a per-pod table lists. */
  private List<String> instancesIn(String table) {
    return browser.findElements(By.cssSelector(table + " tbody tr")).stream()
        .map(row -> row.getAttribute("data-instance"))
        .toList();
  }

  /** The texts of a row's cells after its header cell. */
  private List<String> cells(String table, String instance) {
    WebElement row =
        browser.findElement(By.cssSelector(table + " tr[data-instance='" + instance + "']"));
    return row.findElements(By.tagName("td")).stream().map(WebElement::getText).toList();
  }

  private static void post(SidecarProcess sidecar, String path, String body) throws Exception {
    HttpResponse<String> answer = sidecar.post(sidecar.apiUrl(path), body);
    assertEquals(201, answer.statusCode(), path + ": " + answer.body());
  }
}
