package dev.sessionsidecar.agents;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.sessionsidecar.testing.GeneratedTranscripts;
import dev.sessionsidecar.testing.SidecarProcess;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * ccusage and the sidecar read the same generated Claude Code folder (the bench's generator, the
 * bench's size: 200 sessions in 8 projects over 60 days, 66,600 requests in about 200,000 lines,
 * subagents, repeated lines): per UTC day and model, every token count is the same (ccusage counts
 * input without the cache, as Anthropic does), and so is the cost, to $0.0001, for every model
 * ccusage prices (the generator's Claude Sonnet 4.5 and Haiku 4.5; it has no price for Opus 5.5).
 */
class TranscriptsAgainstCcusageIT {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String POD = "oracle";

  @TempDir Path root;

  @Test
  void everyDayAndModelCountsTheSameAsCcusage() throws Exception {
    Path folder = root.resolve("claude");
    JsonNode generated = GeneratedTranscripts.generate(folder, 200, 333);
    SidecarProcess sidecar =
        SidecarProcess.start(
                root.resolve("data"),
                Map.of(
                    "SIDECAR_TRANSCRIPTS_CLAUDE_CODE", folder.toString(), "SIDECAR_POD_NAME", POD))
            .awaitReady();
    try {
      GeneratedTranscripts.awaitRead(sidecar, generated.path("lines").asLong());
      // Narrowed to this pod: every project's days, not only the active project's.
      JsonNode ours =
          JSON.readTree(
              sidecar.get(sidecar.apiUrl("/v1/usage/daily?since_days=0&pod=" + POD)).body());
      JsonNode theirs = ccusageDaily(folder);
      List<String> differences = new ArrayList<>();
      int compared = 0;
      int priced = 0;
      for (JsonNode day : theirs.path("daily")) {
        for (JsonNode model : day.path("modelBreakdowns")) {
          compared++;
          priced += model.path("missingPricing").asBoolean() ? 0 : 1;
          differences.addAll(compare(day.path("date").asText(), model, ours));
        }
      }
      assertEquals(List.of(), differences);
      assertTrue(
          compared >= 100 && priced >= 60, compared + " days and models, " + priced + " priced");
      System.out.println(
          "ccusage and the sidecar agree on "
              + compared
              + " days and models ("
              + priced
              + " with a cost) of "
              + generated);
    } finally {
      sidecar.stop();
    }
  }

  private static List<String> compare(String date, JsonNode model, JsonNode ours) {
    String name = model.path("modelName").asText();
    JsonNode figures = null;
    for (JsonNode day : ours.path("days")) {
      if (day.path("day").asText().equals(date) && day.path("model").asText().equals(name)) {
        figures = day.path("figures");
      }
    }
    if (figures == null) {
      return List.of(date + " " + name + ": not in the sidecar");
    }
    return Ccusage.differences(date + " " + name, model, Ccusage.Held.of(figures));
  }

  private static JsonNode ccusageDaily(Path folder) throws Exception {
    return Ccusage.claude(folder, "daily", "--timezone", "UTC");
  }
}
