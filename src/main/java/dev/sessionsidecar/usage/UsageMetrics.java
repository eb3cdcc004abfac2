package dev.sessionsidecar.usage;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.Timer;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Usage as Prometheus series, named after the OpenTelemetry GenAI client metrics, plus a cost
 * counter. Durations and token counts are histograms with the GenAI semantic conventions' bucket
 * boundaries, so a fleet's pods can be summed before a quantile is taken. Model names come from
 * callers, so past a fixed number of provider/model/role combinations new ones are counted under
 * model {@code other}: the series set stays bounded.
 */
@ApplicationScoped
class UsageMetrics {

  static final int MAX_SERIES_KEYS = 200;
  static final String OTHER = "other";

  /** Operation duration buckets of the GenAI conventions, 0.01 s doubling up to 81.92 s. */
  static final Duration[] DURATION_BUCKETS = durations(0.01, 14);

  /** Token usage buckets of the GenAI conventions, 1 up to 4^13 (67,108,864). */
  static final double[] TOKEN_BUCKETS = powers(4, 14);

  private final MeterRegistry registry;
  private final Set<String> seen = ConcurrentHashMap.newKeySet();

  /**
   * Each series key's meters, looked up once: a builder's {@code register} builds an id and sorts
   * its tags on every call, which a backfill of thousands of records a second paid for each.
   */
  private final Map<String, Series> series = new ConcurrentHashMap<>();

  UsageMetrics(MeterRegistry registry) {
    this.registry = registry;
  }

  void record(UsageRecordView r) {
    Series meters = series.computeIfAbsent(boundedKey(r), key -> new Series(key.split("\u0000")));
    meters.input.record(r.inputTokens());
    meters.output.record(r.outputTokens());
    if (r.latencyMs() != null) {
      meters.duration.record(Duration.ofMillis(r.latencyMs()));
    }
    if (r.costUsd() != null) {
      meters.cost(r.costSource()).increment(r.costUsd().doubleValue());
    }
  }

  /** The meters of one provider, model and role. */
  private final class Series {

    final Tags tags;
    final DistributionSummary input;
    final DistributionSummary output;
    final Timer duration;
    final Map<String, Counter> costBySource = new ConcurrentHashMap<>();

    /** From the provider, model and role of a bounded key. */
    Series(String[] providerModelRole) {
      this.tags =
          Tags.of(
              "gen_ai.provider.name", providerModelRole[0],
              "gen_ai.request.model", providerModelRole[1],
              "gen_ai.agent.role", providerModelRole[2]);
      this.input = tokens(tags, "input");
      this.output = tokens(tags, "output");
      this.duration =
          Timer.builder("gen_ai.client.operation.duration")
              .description("Duration of LLM calls as reported to the sidecar")
              .tags(tags)
              .serviceLevelObjectives(DURATION_BUCKETS)
              .register(registry);
    }

    Counter cost(String source) {
      return costBySource.computeIfAbsent(
          source,
          s ->
              Counter.builder("sidecar.usage.cost")
                  .description("Cost of LLM calls in US dollars, reported or estimated")
                  .baseUnit("usd")
                  .tags(tags.and("cost_source", s))
                  .register(registry));
    }
  }

  private DistributionSummary tokens(Tags tags, String type) {
    return DistributionSummary.builder("gen_ai.client.token.usage")
        .description("Tokens per LLM call")
        .baseUnit("tokens")
        .tags(tags.and("gen_ai.token.type", type))
        .serviceLevelObjectives(TOKEN_BUCKETS)
        .register(registry);
  }

  private static Duration[] durations(double firstSeconds, int count) {
    Duration[] buckets = new Duration[count];
    for (int i = 0; i < count; i++) {
      buckets[i] = Duration.ofMillis(Math.round(firstSeconds * 1000 * (1L << i)));
    }
    return buckets;
  }

  private static double[] powers(int base, int count) {
    double[] buckets = new double[count];
    for (int i = 0; i < count; i++) {
      buckets[i] = Math.pow(base, i);
    }
    return buckets;
  }

  /**
   * The record's provider, model and role joined by NUL (which plain text never holds); past the
   * bound, a combination not seen before is provider and model and role {@code other}, so neither
   * the series nor the meters kept for them grow without bound.
   */
  private String boundedKey(UsageRecordView r) {
    String key = r.provider() + "\u0000" + r.model() + "\u0000" + r.role();
    boolean known = seen.contains(key) || (seen.size() < MAX_SERIES_KEYS && seen.add(key));
    return known ? key : OTHER + "\u0000" + OTHER + "\u0000" + OTHER;
  }
}
