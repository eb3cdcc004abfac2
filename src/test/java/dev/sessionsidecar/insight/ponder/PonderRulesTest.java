package dev.sessionsidecar.insight.ponder;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sessionsidecar.insight.Evidence;
import dev.sessionsidecar.insight.Finding;
import dev.sessionsidecar.insight.InsightSource;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The pondering rules on hand-built histories, without Quarkus. */
class PonderRulesTest {

  private static List<String> keys(List<Finding> findings) {
    return findings.stream().map(Finding::dedupeKey).toList();
  }

  private static Finding only(List<Finding> findings) {
    assertEquals(1, findings.size(), () -> "one finding expected: " + keys(findings));
    return findings.get(0);
  }

  @Test
  void threeFailuresOfAToolInOneSessionAreARepeatedFailure() {
    ProjectHistory history =
        new HistoryBuilder()
            .failed("s1", "Bash", "exit 1")
            .ok("s1", "Read")
            .failed("s1", "Bash", "exit 1")
            .failed("s1", "Bash", "exit 2")
            .build();
    Finding finding = only(new RepeatedFailureRule().findings(history));
    assertEquals("repeated_failure", finding.kind());
    assertEquals(InsightSource.PONDERING, finding.source());
    assertEquals("repeated_failure:session:s1:Bash", finding.dedupeKey());
    // (0.2 + 0.15 × 3) × 3/3 = 0.65
    assertEquals(0.65, finding.confidence());
    assertEquals(3, finding.evidence().size());
    assertTrue(finding.evidence().stream().allMatch(e -> e.type().equals("tool_call")));
    assertEquals("Last error: exit 2", finding.detail());
  }

  @Test
  void twoFailuresFindNothingAndFailuresAmongManyCallsAreWeak() {
    HistoryBuilder twoFailures =
        new HistoryBuilder().failed("s1", "Bash", "x").failed("s1", "Bash", "x");
    assertEquals(List.of(), new RepeatedFailureRule().findings(twoFailures.build()));

    HistoryBuilder diluted = new HistoryBuilder().times(3, b -> b.failed("s1", "Bash", "x"));
    diluted.times(17, b -> b.ok("s1", "Bash"));
    // (0.2 + 0.45) × 3/20 = 0.0975, far below the digest's default minimum of 0.3
    assertEquals(0.1, only(new RepeatedFailureRule().findings(diluted.build())).confidence());
  }

  @Test
  void aToolFailingInThreeSessionsIsARepeatedFailureAcrossSessions() {
    ProjectHistory history =
        new HistoryBuilder()
            .failed("a", "WebFetch", "timeout")
            .ok("a", "WebFetch")
            .failed("b", "WebFetch", "timeout")
            .failed("c", "WebFetch", "403")
            .ok("c", "WebFetch")
            .build();
    Finding finding = only(new RepeatedFailureRule().findings(history));
    assertEquals("repeated_failure:tool:WebFetch", finding.dedupeKey());
    // (0.3 + 0.1 × 3) × √(3/5) = 0.46
    assertEquals(0.46, finding.confidence());
    assertEquals("Most frequent error: timeout", finding.detail());
    assertEquals(
        List.of("c", "b", "a"), finding.evidence().stream().map(Evidence::sessionId).toList());
  }

  @Test
  void theSameCallThreeTimesInARowIsARetryLoop() {
    ProjectHistory history =
        new HistoryBuilder()
            .failed("s1", "Bash", "{\"cmd\":\"make\"}", "exit 2")
            .failed("s1", "Bash", "{\"cmd\":\"make\"}", "exit 2")
            .failed("s1", "Bash", "{\"cmd\":\"make\"}", "exit 2")
            .ok("s1", "Bash", "{\"cmd\":\"make\"}", 10)
            .ok("s1", "Read")
            .build();
    Finding finding = only(new RetryLoopRule().findings(history));
    // k = 4, 3 failed: 0.3 + 0.1 × 1 + 0.4 × 3/4 = 0.7
    assertEquals(0.7, finding.confidence());
    assertTrue(finding.dedupeKey().startsWith("retry_loop:session:s1:Bash:"), finding.dedupeKey());
    assertTrue(finding.title().contains("4 times in a row"), finding.title());
    assertEquals(4, finding.evidence().size());
  }

  @Test
  void differentArgumentsOrAnInterruptionAreNoRetryLoop() {
    ProjectHistory history =
        new HistoryBuilder()
            .ok("s1", "Bash", "{\"cmd\":\"a\"}", 10)
            .ok("s1", "Bash", "{\"cmd\":\"b\"}", 10)
            .ok("s1", "Bash", "{\"cmd\":\"a\"}", 10)
            .ok("s1", "Read", "{}", 10)
            .ok("s1", "Bash", "{\"cmd\":\"a\"}", 10)
            .ok("s2", "Bash", "{\"cmd\":\"a\"}", 10)
            .build();
    assertEquals(List.of(), new RetryLoopRule().findings(history));
  }

  @Test
  void aToolFarSlowerThanTheOthersIsSlow() {
    HistoryBuilder builder = new HistoryBuilder();
    builder.times(20, b -> b.ok("s1", "Read", "{}", 50));
    builder.times(20, b -> b.ok("s1", "Edit", "{}", 80));
    builder.times(20, b -> b.ok("s1", "Grep", "{}", 120));
    builder.times(20, b -> b.ok("s1", "Test", "{}", 4000));
    Finding finding = only(new SlowToolRule().findings(builder.build()));
    assertEquals("slow_tool:Test", finding.dedupeKey());
    // r = 4000 / median(50, 80, 120) = 50: 0.4 + 0.1 × log2(10) = 0.73, × min(1, 20/20)
    assertEquals(0.73, finding.confidence());
    assertEquals(3, finding.evidence().size());
  }

  @Test
  void slownessNeedsThreeToolsAndASecond() {
    HistoryBuilder twoTools = new HistoryBuilder();
    twoTools.times(10, b -> b.ok("s1", "Read", "{}", 50));
    twoTools.times(10, b -> b.ok("s1", "Test", "{}", 9000));
    assertEquals(List.of(), new SlowToolRule().findings(twoTools.build()));

    HistoryBuilder fastButRelativelySlow = new HistoryBuilder();
    fastButRelativelySlow.times(10, b -> b.ok("s1", "A", "{}", 10));
    fastButRelativelySlow.times(10, b -> b.ok("s1", "B", "{}", 10));
    fastButRelativelySlow.times(10, b -> b.ok("s1", "C", "{}", 900));
    assertEquals(List.of(), new SlowToolRule().findings(fastButRelativelySlow.build()));
  }

  @Test
  void aSessionCostingFarMoreThanUsualIsACostOutlier() {
    HistoryBuilder builder = new HistoryBuilder();
    for (int i = 1; i <= 5; i++) {
      builder.cost("usual-" + i, "0.10");
    }
    builder.cost("big", "1.20");
    Finding finding = only(new CostOutlierRule().findings(builder.build()));
    assertEquals("cost_outlier:session:big", finding.dedupeKey());
    // r = 12: 0.4 + 0.15 × log2(4) = 0.7
    assertEquals(0.7, finding.confidence());
    assertTrue(finding.title().contains("$1.2000") && finding.title().contains("$0.1000"));
  }

  @Test
  void noCostOutlierWithoutEnoughSessionsToKnowTheUsual() {
    HistoryBuilder builder = new HistoryBuilder();
    for (int i = 1; i <= 4; i++) {
      builder.cost("usual-" + i, "0.10");
    }
    builder.cost("big", "5.00");
    assertEquals(List.of(), new CostOutlierRule().findings(builder.build()));
  }

  @Test
  void aModelWithoutPriceIsAProactiveSuggestion() {
    Finding finding =
        only(
            new UnpricedModelRule()
                .findings(new HistoryBuilder().unpriced("acme", "frontier-9", 12).build()));
    assertEquals(InsightSource.PROACTIVE, finding.source());
    assertEquals("unpriced_model:acme/frontier-9", finding.dedupeKey());
    assertTrue(finding.title().contains("12 requests"), finding.title());
    assertEquals(0.9, finding.confidence());
  }

  @Test
  void aRecurringChainAcrossSessionsIsAProactiveSuggestion() {
    HistoryBuilder builder = new HistoryBuilder();
    for (String session : List.of("a", "b", "c")) {
      builder.ok(session, "Grep").ok(session, "Read").ok(session, "Edit").ok(session, "Bash");
    }
    List<Finding> findings = new ToolChainRule().findings(builder.build());
    assertEquals(List.of("tool_chain:Grep>Read>Edit", "tool_chain:Read>Edit>Bash"), keys(findings));
    // c = 3, s = 3: 0.3 + 0.05 × 0 + 0.1 × 1 = 0.4
    assertEquals(0.4, findings.get(0).confidence());
    assertEquals(InsightSource.PROACTIVE, findings.get(0).source());
    assertEquals(3, findings.get(0).evidence().size());
  }

  @Test
  void aChainInOneSessionOnlyOrOfOneToolIsNoSuggestion() {
    HistoryBuilder builder = new HistoryBuilder();
    builder.times(4, b -> b.ok("a", "Grep").ok("a", "Read").ok("a", "Edit"));
    builder.times(3, b -> b.ok("b", "Read").ok("b", "Read").ok("b", "Read"));
    builder.times(3, b -> b.ok("c", "Read").ok("c", "Read").ok("c", "Read"));
    assertEquals(List.of(), new ToolChainRule().findings(builder.build()));
  }

  @Test
  void allRulesTogetherFindEachPatternOnce() {
    HistoryBuilder builder = new HistoryBuilder().unpriced("acme", "m", 1);
    builder.times(3, b -> b.failed("s1", "Bash", "{\"cmd\":\"x\"}", "boom"));
    List<String> kinds = PonderRules.findings(builder.build()).stream().map(Finding::kind).toList();
    assertEquals(List.of("repeated_failure", "retry_loop", "unpriced_model"), kinds);
  }
}
