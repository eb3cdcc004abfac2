package dev.sessionsidecar.inspect;

import static dev.sessionsidecar.testing.Api.endSession;
import static dev.sessionsidecar.testing.Api.recordCall;
import static dev.sessionsidecar.testing.Api.recordUsage;
import static dev.sessionsidecar.testing.Api.startSession;

import dev.sessionsidecar.testing.Insights;
import dev.sessionsidecar.testing.Tasks;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A day of an agent's work, written through the API as the agent would: two sessions in one project
 * (the second still running), tool calls with failures, usage over three days and three models (one
 * unpriced), insights of two sources, and tasks in several states.
 */
record RealisticDay(
    String project,
    String endedSession,
    String currentSession,
    int insightToDismiss,
    int insightToKeep,
    String taskToCancel,
    String taskInProgress) {

  static final String PROJECT = "/srv/projects/checkout";

  /** Markup an agent really writes (a TSX edit); the page must show it as text. */
  static final String EDITED_MARKUP = "<script>alert('cart')</script><b>{total}</b>";

  static RealisticDay seed() {
    String ended = session("morning-1");
    call(ended, "Read", Map.of("path", "src/cart.ts"), null);
    call(ended, "Bash", Map.of("command", "npm test"), "3 tests failed: cart total");
    call(ended, "Edit", Map.of("path", "src/Cart.tsx", "new", EDITED_MARKUP), null);
    call(ended, "Bash", Map.of("command", "npm test"), null);
    endSession(ended, Map.of("summary", "Fixed the cart total.")).statusCode(200);

    String current = session("afternoon-2");
    call(current, "Grep", Map.of("pattern", "checkout", "path", "src/"), null);
    call(current, "Bash", Map.of("command", "npm run build"), "tsc: 2 errors");
    call(current, "Read", Map.of("path", "src/checkout.ts"), null);

    Instant now = Instant.now();
    for (int daysAgo = 2; daysAgo >= 0; daysAgo--) {
      Instant at = now.minus(daysAgo, ChronoUnit.DAYS);
      String session = daysAgo == 0 ? current : ended;
      usage(session, "anthropic", "claude-sonnet-4-5", 12_000 + daysAgo * 1_000, 800, null, at);
      usage(session, "openai", "gpt-4o", 3_000, 400, new BigDecimal("0.0115"), at);
    }
    usage(current, "acme", "acme-large-unpriced", 5_000, 500, null, now);

    int dismiss =
        insight("pondering", "retry_loop", "Bash retried 3 times with the same command", 0.8);
    int keep =
        insight("proactive", "tool_chain", "Read then Edit: consider a single patch tool", 0.6);
    insight("pondering", "slow_tool", "npm run build takes over a minute", 0.4);

    String toCancel = task("Run the full test suite", 0.25, "running tests: 120 of 480");
    String inProgress = task("Index the repository", 0.5, "halfway");
    String done = task("Summarise yesterday", null, null);
    patchTask(done, Map.of("status", "completed", "result", Map.of("summary", "3 sessions")));
    String failed = task("Upload the report", null, null);
    patchTask(failed, Map.of("status", "failed", "error", "upload refused: 403"));
    return new RealisticDay(PROJECT, ended, current, dismiss, keep, toCancel, inProgress);
  }

  private static String session(String id) {
    startSession(Map.of("session_id", id, "project_path", PROJECT, "source", "startup"))
        .statusCode(201);
    return id;
  }

  private static void call(String session, String tool, Map<String, Object> args, String error) {
    Map<String, Object> body = new HashMap<>();
    body.put("tool", tool);
    body.put("arguments", args);
    body.put("duration_ms", 1200);
    if (error != null) {
      body.put("ok", false);
      body.put("error", error);
    }
    recordCall(session, body).statusCode(201);
  }

  private static void usage(
      String session,
      String provider,
      String model,
      long input,
      long output,
      BigDecimal cost,
      Instant at) {
    Map<String, Object> body = new HashMap<>();
    body.put("session_id", session);
    body.put("provider", provider);
    body.put("model", model);
    body.put("input_tokens", input);
    body.put("output_tokens", output);
    body.put("latency_ms", 2300);
    body.put("created_at", at.toString());
    if (cost != null) {
      body.put("cost_usd", cost);
    }
    recordUsage(body).statusCode(201);
  }

  private static int insight(String source, String kind, String title, double confidence) {
    Map<String, Object> body = Insights.finding(PROJECT, source, kind, title, confidence);
    body.put(
        "evidence", List.of(Map.of("type", "note", "excerpt", "seen in the " + kind + " rule")));
    return Insights.reportId(body);
  }

  private static String task(String title, Double progress, String message) {
    String id = Tasks.createId(Map.of("kind", "external", "title", title));
    if (progress != null) {
      patchTask(id, Map.of("progress", progress, "statusMessage", message));
    }
    return id;
  }

  private static void patchTask(String id, Map<String, Object> body) {
    Tasks.patch(id, body).statusCode(200);
  }
}
