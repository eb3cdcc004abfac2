package dev.sessionsidecar.insight.ponder;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Builds project histories by hand for the rule tests: calls in order, one second apart. */
final class HistoryBuilder {

  private final List<CallSample> calls = new ArrayList<>();
  private final Map<String, BigDecimal> costs = new LinkedHashMap<>();
  private final List<UnpricedModel> unpriced = new ArrayList<>();
  private Instant clock = Instant.parse("2026-11-20T10:00:00Z");
  private long nextId = 1;

  HistoryBuilder ok(String session, String tool, String arguments, long durationMs) {
    return call(session, tool, arguments, true, null, durationMs);
  }

  HistoryBuilder ok(String session, String tool) {
    return ok(session, tool, "{\"n\":" + nextId + "}", 100);
  }

  HistoryBuilder failed(String session, String tool, String arguments, String error) {
    return call(session, tool, arguments, false, error, 100L);
  }

  HistoryBuilder failed(String session, String tool, String error) {
    return failed(session, tool, "{\"n\":" + nextId + "}", error);
  }

  HistoryBuilder times(int n, java.util.function.Consumer<HistoryBuilder> step) {
    for (int i = 0; i < n; i++) {
      step.accept(this);
    }
    return this;
  }

  HistoryBuilder cost(String session, String dollars) {
    costs.put(session, new BigDecimal(dollars));
    return this;
  }

  HistoryBuilder unpriced(String provider, String model, long requests) {
    unpriced.add(new UnpricedModel(provider, model, requests, 4242));
    return this;
  }

  private HistoryBuilder call(
      String session, String tool, String arguments, boolean ok, String error, Long durationMs) {
    clock = clock.plusSeconds(1);
    calls.add(new CallSample(nextId++, session, tool, arguments, ok, error, durationMs, clock));
    return this;
  }

  /** The history, calls ordered by session then start, as the loader orders them. */
  ProjectHistory build() {
    List<CallSample> ordered = new ArrayList<>(calls);
    ordered.sort(
        java.util.Comparator.comparing(CallSample::sessionId)
            .thenComparing(CallSample::startedAt)
            .thenComparingLong(CallSample::id));
    return new ProjectHistory(ordered, costs, unpriced);
  }
}
