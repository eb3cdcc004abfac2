package dev.sessionsidecar.insight.ponder;

import dev.sessionsidecar.insight.Finding;
import dev.sessionsidecar.insight.InsightSource;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;

/**
 * A recurring chain of three consecutive tool calls (at least two different tools) that could be
 * one step. Seen c ≥ 3 times in s ≥ 2 sessions: confidence = min(0.85, 0.3 + 0.05 (c − 3) + 0.1 (s
 * − 2)). The 3 most frequent chains are reported. Key {@code tool_chain:<a>><b>><c>}.
 */
final class ToolChainRule implements PonderRule {

  static final String KIND = "tool_chain";
  static final int LENGTH = 3;
  static final int MIN_OCCURRENCES = 3;
  static final int MIN_SESSIONS = 2;
  static final int MAX_CHAINS = 3;

  /** Where one chain was seen: the first call of each occurrence. */
  private record Occurrences(List<String> tools, List<CallSample> starts) {
    long sessions() {
      return starts.stream().map(CallSample::sessionId).distinct().count();
    }
  }

  @Override
  public List<Finding> findings(ProjectHistory history) {
    Map<List<String>, Occurrences> chains = new LinkedHashMap<>();
    List<CallSample> calls = history.calls();
    for (int i = 0; i + LENGTH <= calls.size(); i++) {
      List<CallSample> window = calls.subList(i, i + LENGTH);
      if (window.stream().map(CallSample::sessionId).distinct().count() != 1) {
        continue;
      }
      List<String> tools = window.stream().map(CallSample::tool).toList();
      if (new HashSet<>(tools).size() < 2) {
        continue;
      }
      chains
          .computeIfAbsent(tools, t -> new Occurrences(t, new ArrayList<>()))
          .starts()
          .add(window.get(0));
    }
    return chains.values().stream()
        .filter(o -> o.starts().size() >= MIN_OCCURRENCES && o.sessions() >= MIN_SESSIONS)
        .sorted(
            Comparator.comparingInt((Occurrences o) -> o.starts().size())
                .reversed()
                .thenComparing(o -> String.join(">", o.tools())))
        .limit(MAX_CHAINS)
        .map(ToolChainRule::finding)
        .toList();
  }

  private static Finding finding(Occurrences chain) {
    int c = chain.starts().size();
    long s = chain.sessions();
    String arrow = String.join(" → ", chain.tools());
    LinkedHashSet<String> sessionsCited = new LinkedHashSet<>();
    return new Finding(
        InsightSource.PROACTIVE,
        KIND,
        arrow + " ran " + c + " times in " + s + " sessions: could be one step",
        "A script, a combined tool or a single command doing the three steps would save "
            + (LENGTH - 1)
            + " calls each time.",
        chain.starts().stream()
            .filter(start -> sessionsCited.add(start.sessionId()))
            .limit(3)
            .map(start -> EvidenceOf.call(start, "chain starts here"))
            .toList(),
        Quantiles.confidence(0.3 + 0.05 * (c - MIN_OCCURRENCES) + 0.1 * (s - MIN_SESSIONS), 0.85),
        KIND + ":" + String.join(">", chain.tools()));
  }
}
