package dev.sessionsidecar.agents;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What an agent asked of {@code /mcp} during one run, by revision and method, read from the
 * sidecar's {@code sidecar_mcp_requests_total} before and after: which revision the real agent
 * spoke, and whether any of its requests failed.
 */
final class McpTraffic {

  private static final Pattern LINE =
      Pattern.compile(
          "^sidecar_mcp_requests_total\\{method=\"([^\"]+)\",outcome=\"([^\"]+)\","
              + "revision=\"([^\"]+)\"\\} ([0-9.E]+)$",
          Pattern.MULTILINE);

  private final SidecarRecord sidecar;
  private final Map<String, Double> before;

  private McpTraffic(SidecarRecord sidecar) throws Exception {
    this.sidecar = sidecar;
    this.before = counts();
  }

  /** Starts counting: what was asked before now does not count. */
  static McpTraffic from(SidecarRecord sidecar) throws Exception {
    return new McpTraffic(sidecar);
  }

  /**
   * Requests since {@link #from}, as {@code "revision method outcome" -> count}; asserts that every
   * one was of {@code revision}, that none failed, and that the sidecar logged no MCP warning.
   */
  Map<String, Integer> allOf(String revision) throws Exception {
    Map<String, Integer> since = new TreeMap<>();
    counts()
        .forEach(
            (key, count) -> {
              int delta = (int) Math.round(count - before.getOrDefault(key, 0.0));
              if (delta > 0) {
                since.put(key, delta);
              }
            });
    assertTrue(since.keySet().stream().anyMatch(k -> k.contains("tools/call")), since.toString());
    for (String key : since.keySet()) {
      assertTrue(key.startsWith(revision + " "), "all on " + revision + ": " + since);
      assertTrue(key.endsWith(" result"), "no MCP request failed: " + since);
    }
    assertEquals(
        "",
        sidecar
            .log()
            .lines()
            .filter(l -> l.contains(" WARN ") || l.contains(" ERROR "))
            .filter(l -> l.toLowerCase(java.util.Locale.ROOT).contains("mcp"))
            .reduce("", (a, b) -> a + b + "\n"),
        "no MCP warning in the sidecar's log");
    return since;
  }

  /**
   * Asserts that the run spoke only revision 2026-07-28 (no {@code initialize} fallback), with
   * {@code calls} successful tool calls, and prints what {@code agent} asked.
   */
  void spokeTheNewestRevision(String agent, int calls) throws Exception {
    Map<String, Integer> asked = allOf("2026-07-28");
    assertEquals(calls, asked.get("2026-07-28 tools/call result"), asked.toString());
    System.out.println(agent + " over MCP: " + asked);
  }

  private Map<String, Double> counts() throws Exception {
    Map<String, Double> counts = new TreeMap<>();
    Matcher line = LINE.matcher(sidecar.metrics());
    while (line.find()) {
      counts.put(
          line.group(3) + " " + line.group(1) + " " + line.group(2),
          Double.parseDouble(line.group(4)));
    }
    return counts;
  }
}
