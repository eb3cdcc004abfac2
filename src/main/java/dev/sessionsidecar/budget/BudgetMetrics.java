package dev.sessionsidecar.budget;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * {@code sidecar_budget_used_ratio}: per budget, the share of its limit used by the subject this
 * sidecar measured last (a session, project, pod or the fleet), in the current period; and a
 * counter of webhook deliveries that failed for good.
 */
@ApplicationScoped
class BudgetMetrics {

  private final MeterRegistry registry;
  private final Map<Long, AtomicLong> ratios = new ConcurrentHashMap<>();
  private final Counter webhookFailures;

  BudgetMetrics(MeterRegistry registry) {
    this.registry = registry;
    this.webhookFailures =
        Counter.builder("sidecar.budget.webhook.failures")
            .description("Budget alerts whose webhook delivery failed after every retry")
            .register(registry);
  }

  /** Sets the budget's gauge, registering it on first use. */
  void used(Budget budget, double ratio) {
    ratios
        .computeIfAbsent(
            budget.id,
            id -> {
              AtomicLong bits = new AtomicLong();
              Gauge.builder(
                      "sidecar.budget.used.ratio", bits, b -> Double.longBitsToDouble(b.get()))
                  .description("Share of the budget's limit used in the current period")
                  .tags(
                      "budget", String.valueOf(id),
                      "scope", budget.scope.wireName(),
                      "period", budget.period.wireName(),
                      "action", budget.action.wireName())
                  .register(registry);
              return bits;
            })
        .set(Double.doubleToLongBits(ratio));
  }

  /** Removes a deleted budget's gauge. */
  void forget(long budgetId) {
    if (ratios.remove(budgetId) != null) {
      registry
          .find("sidecar.budget.used.ratio")
          .tag("budget", String.valueOf(budgetId))
          .meters()
          .forEach(registry::remove);
    }
  }

  void webhookFailed() {
    webhookFailures.increment();
  }
}
