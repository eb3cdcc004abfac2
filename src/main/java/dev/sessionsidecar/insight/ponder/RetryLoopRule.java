package dev.sessionsidecar.insight.ponder;

import dev.sessionsidecar.insight.Finding;
import dev.sessionsidecar.insight.InsightSource;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The same tool called with the same arguments k ≥ 3 times in a row within a session, a share s of
 * them failing: confidence = min(0.95, 0.3 + 0.1 (k − 3) + 0.4 s). Several loops with the same tool
 * and arguments in one session are one finding (the longest). Key {@code
 * retry_loop:session:<session>:<tool>:<hash of the arguments>}.
 */
final class RetryLoopRule implements PonderRule {

  static final String KIND = "retry_loop";
  static final int MIN_RUN = 3;
  private static final int MAX_EVIDENCE = 5;

  @Override
  public List<Finding> findings(ProjectHistory history) {
    Map<String, List<CallSample>> longest = new LinkedHashMap<>();
    List<CallSample> calls = history.calls();
    int start = 0;
    for (int i = 1; i <= calls.size(); i++) {
      if (i == calls.size() || !sameCall(calls.get(start), calls.get(i))) {
        List<CallSample> run = calls.subList(start, i);
        if (run.size() >= MIN_RUN) {
          longest.merge(key(run.get(0)), run, (a, b) -> b.size() > a.size() ? b : a);
        }
        start = i;
      }
    }
    List<Finding> findings = new ArrayList<>();
    longest.forEach((key, run) -> findings.add(finding(key, run)));
    return findings;
  }

  private static Finding finding(String key, List<CallSample> run) {
    CallSample first = run.get(0);
    int k = run.size();
    long failed = run.stream().filter(c -> !c.ok()).count();
    return new Finding(
        InsightSource.PONDERING,
        KIND,
        first.tool()
            + " called "
            + k
            + " times in a row with the same arguments in session "
            + first.sessionId(),
        failed
            + " of the "
            + k
            + " calls failed. Arguments: "
            + EvidenceOf.oneLine(first.argumentsKey()),
        run.stream()
            .skip(Math.max(0, k - MAX_EVIDENCE))
            .map(c -> EvidenceOf.call(c, c.ok() ? "ok" : EvidenceOf.error(c)))
            .toList(),
        Quantiles.confidence(0.3 + 0.1 * (k - MIN_RUN) + 0.4 * failed / k, 0.95),
        key);
  }

  private static boolean sameCall(CallSample a, CallSample b) {
    return a.sessionId().equals(b.sessionId())
        && a.tool().equals(b.tool())
        && a.argumentsKey().equals(b.argumentsKey());
  }

  private static String key(CallSample call) {
    return KIND
        + ":session:"
        + call.sessionId()
        + ":"
        + call.tool()
        + ":"
        + hash(call.argumentsKey());
  }

  /** A short stable hash, so the key stays short however long the arguments are. */
  static String hash(String text) {
    try {
      byte[] digest =
          MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(digest, 0, 6);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is always available", e);
    }
  }
}
