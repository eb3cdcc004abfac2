package dev.sessionsidecar.budget;

import dev.sessionsidecar.platform.InstanceIdentity;
import dev.sessionsidecar.platform.Schema;
import dev.sessionsidecar.platform.Timestamps;
import io.quarkus.logging.Log;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.math.BigDecimal;
import java.util.Optional;

/**
 * Makes the budgets configuration asks for exist, once the schema is current: one per key and
 * sidecar, updated when the configuration changes and removed when its key is gone, so a pod can
 * start with a budget and no API call.
 */
@ApplicationScoped
class BudgetSeeds {

  private final BudgetConfig config;
  private final InstanceIdentity instance;
  private final Timestamps time;

  BudgetSeeds(BudgetConfig config, InstanceIdentity instance, Timestamps time) {
    this.config = config;
    this.instance = instance;
    this.time = time;
  }

  void seed(@Observes Schema.Current schemaIsCurrent) {
    QuarkusTransaction.requiringNew()
        .run(
            () -> {
              seed(
                  Budget.FROM_SESSION_KEY,
                  config.sessionUsd(),
                  config.sessionAction(),
                  BudgetScope.SESSION,
                  BudgetPeriod.SESSION);
              seed(
                  Budget.FROM_PROJECT_DAILY_KEY,
                  config.projectDailyUsd(),
                  config.projectDailyAction(),
                  BudgetScope.PROJECT,
                  BudgetPeriod.DAY);
            });
  }

  private void seed(
      String origin,
      Optional<BigDecimal> limit,
      BudgetAction action,
      BudgetScope scope,
      BudgetPeriod period) {
    Optional<Budget> seeded = Budget.seeded(origin, instance.id());
    if (limit.isEmpty()) {
      seeded.ifPresent(Budget::delete);
      return;
    }
    Budget budget =
        seeded.orElseGet(
            () -> {
              Budget fresh = new Budget();
              fresh.scope = scope;
              fresh.period = period;
              fresh.instanceId = instance.id();
              fresh.origin = origin;
              fresh.createdAt = time.now();
              fresh.thresholds(BudgetThresholds.DEFAULT);
              return fresh;
            });
    budget.limitUsd = limit.get();
    budget.action = action;
    budget.persist();
    Log.infof(
        "Budget %d from %s: %s USD per %s, %s at 100%%",
        budget.id, origin, limit.get().toPlainString(), period.wireName(), action.wireName());
  }
}
