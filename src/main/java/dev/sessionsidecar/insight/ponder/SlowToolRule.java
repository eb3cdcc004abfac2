package dev.sessionsidecar.insight.ponder;

import dev.sessionsidecar.insight.Finding;
import dev.sessionsidecar.insight.InsightSource;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * A tool whose p95 duration stands far above the rest. Among tools with at least 5 timed calls (and
 * at least 3 such tools), a tool with p95 ≥ 1 s and ratio r = p95 / (median of the other tools'
 * p95) ≥ 5, over n timed calls: confidence = min(0.9, 0.4 + 0.1 log2(r / 5)) × min(1, n / 20). Key
 * {@code slow_tool:<tool>}.
 */
final class SlowToolRule implements PonderRule {

  static final String KIND = "slow_tool";
  static final int MIN_CALLS = 5;
  static final int MIN_TOOLS = 3;
  static final double MIN_RATIO = 5;
  static final long MIN_P95_MS = 1000;

  /** A tool's timed calls, slowest first, and their p95. */
  private record Timing(String tool, List<CallSample> slowestFirst, double p95) {}

  @Override
  public List<Finding> findings(ProjectHistory history) {
    List<Timing> timings = new ArrayList<>();
    Map<String, List<CallSample>> byTool =
        RepeatedFailureRule.groups(
            history.calls().stream().filter(c -> c.durationMs() != null).toList(),
            CallSample::tool);
    byTool.forEach(
        (tool, calls) -> {
          if (calls.size() >= MIN_CALLS) {
            List<Long> durations = calls.stream().map(CallSample::durationMs).sorted().toList();
            List<CallSample> slowest =
                calls.stream()
                    .sorted(Comparator.comparing(CallSample::durationMs).reversed())
                    .toList();
            timings.add(new Timing(tool, slowest, Quantiles.of(durations, 0.95)));
          }
        });
    List<Finding> findings = new ArrayList<>();
    if (timings.size() < MIN_TOOLS) {
      return findings;
    }
    for (Timing timing : timings) {
      List<Double> others =
          timings.stream().filter(t -> t != timing).map(Timing::p95).sorted().toList();
      double baseline = Math.max(1, Quantiles.median(others));
      double ratio = timing.p95() / baseline;
      if (ratio >= MIN_RATIO && timing.p95() >= MIN_P95_MS) {
        findings.add(finding(timing, baseline, ratio));
      }
    }
    return findings;
  }

  private static Finding finding(Timing timing, double baseline, double ratio) {
    int n = timing.slowestFirst().size();
    return new Finding(
        InsightSource.PONDERING,
        KIND,
        timing.tool()
            + " is slow: p95 "
            + Math.round(timing.p95())
            + " ms, "
            + Math.round(ratio)
            + "× the other tools' median p95",
        "Other tools' median p95 is "
            + Math.round(baseline)
            + " ms, over "
            + n
            + " timed calls of "
            + timing.tool()
            + ".",
        timing.slowestFirst().stream()
            .limit(3)
            .map(c -> EvidenceOf.call(c, c.durationMs() + " ms"))
            .toList(),
        Quantiles.confidence(
            (0.4 + 0.1 * Quantiles.log2(ratio / MIN_RATIO)) * Math.min(1, n / 20.0), 0.9),
        KIND + ":" + timing.tool());
  }
}
