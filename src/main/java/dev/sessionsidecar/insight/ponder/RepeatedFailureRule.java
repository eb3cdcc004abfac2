package dev.sessionsidecar.insight.ponder;

import dev.sessionsidecar.insight.Finding;
import dev.sessionsidecar.insight.InsightSource;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The same tool failing again and again.
 *
 * <ul>
 *   <li>Within a session, f ≥ 3 failures of n calls of a tool: confidence = min(0.95, (0.2 + 0.15
 *       f) × f / n). Key {@code repeated_failure:session:<session>:<tool>}.
 *   <li>Across sessions, failures in k ≥ 3 sessions, f of n calls failing overall: confidence =
 *       min(0.95, (0.3 + 0.1 k) × √(f / n)). Key {@code repeated_failure:tool:<tool>}.
 * </ul>
 */
final class RepeatedFailureRule implements PonderRule {

  static final String KIND = "repeated_failure";
  static final int MIN_FAILURES = 3;
  static final int MIN_SESSIONS = 3;
  private static final int MAX_EVIDENCE = 5;

  @Override
  public List<Finding> findings(ProjectHistory history) {
    List<Finding> findings = new ArrayList<>();
    groups(history.calls(), c -> c.sessionId() + "\n" + c.tool())
        .forEach((key, calls) -> withinSession(calls, findings));
    groups(history.calls(), CallSample::tool)
        .forEach((tool, calls) -> acrossSessions(calls, findings));
    return findings;
  }

  private static void withinSession(List<CallSample> calls, List<Finding> findings) {
    List<CallSample> failed = failed(calls);
    if (failed.size() < MIN_FAILURES) {
      return;
    }
    CallSample first = calls.get(0);
    int f = failed.size();
    int n = calls.size();
    findings.add(
        new Finding(
            InsightSource.PONDERING,
            KIND,
            first.tool() + " failed " + f + " of " + n + " times in session " + first.sessionId(),
            "Last error: " + EvidenceOf.oneLine(EvidenceOf.error(failed.get(f - 1))),
            failed.stream()
                .skip(Math.max(0, f - MAX_EVIDENCE))
                .map(c -> EvidenceOf.call(c, EvidenceOf.error(c)))
                .toList(),
            Quantiles.confidence((0.2 + 0.15 * f) * f / n, 0.95),
            KIND + ":session:" + first.sessionId() + ":" + first.tool()));
  }

  private static void acrossSessions(List<CallSample> calls, List<Finding> findings) {
    List<CallSample> failed = failed(calls);
    Map<String, CallSample> lastFailurePerSession =
        failed.stream()
            .collect(
                Collectors.toMap(
                    CallSample::sessionId, Function.identity(), (a, b) -> b, LinkedHashMap::new));
    int k = lastFailurePerSession.size();
    if (k < MIN_SESSIONS) {
      return;
    }
    String tool = calls.get(0).tool();
    double rate = (double) failed.size() / calls.size();
    findings.add(
        new Finding(
            InsightSource.PONDERING,
            KIND,
            tool
                + " failed in "
                + k
                + " sessions ("
                + failed.size()
                + " of "
                + calls.size()
                + " calls)",
            "Most frequent error: " + EvidenceOf.oneLine(mostFrequentError(failed)),
            lastFailurePerSession.values().stream()
                .sorted(Comparator.comparing(CallSample::startedAt).reversed())
                .limit(MAX_EVIDENCE)
                .map(c -> EvidenceOf.call(c, EvidenceOf.error(c)))
                .toList(),
            Quantiles.confidence((0.3 + 0.1 * k) * Math.sqrt(rate), 0.95),
            KIND + ":tool:" + tool));
  }

  private static String mostFrequentError(List<CallSample> failed) {
    return failed.stream()
        .collect(Collectors.groupingBy(EvidenceOf::error, Collectors.counting()))
        .entrySet()
        .stream()
        .max(Map.Entry.<String, Long>comparingByValue().thenComparing(Map.Entry.comparingByKey()))
        .orElseThrow()
        .getKey();
  }

  private static List<CallSample> failed(List<CallSample> calls) {
    return calls.stream().filter(c -> !c.ok()).toList();
  }

  /** Groups in order of first appearance, keeping each group's calls in history order. */
  static Map<String, List<CallSample>> groups(
      List<CallSample> calls, Function<CallSample, String> key) {
    return calls.stream()
        .collect(Collectors.groupingBy(key, LinkedHashMap::new, Collectors.toList()));
  }
}
