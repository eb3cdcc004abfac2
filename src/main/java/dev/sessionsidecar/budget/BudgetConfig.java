package dev.sessionsidecar.budget;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.math.BigDecimal;
import java.net.URI;
import java.time.Duration;
import java.util.Optional;

/** Budgets a pod starts with, and where alerts go, under {@code sidecar.budget.}. */
@ConfigMapping(prefix = "sidecar.budget")
public interface BudgetConfig {

  /** A USD budget for every session of this pod, over the session's life. */
  Optional<@DecimalMin(value = "0", inclusive = false) @DecimalMax("1000000") BigDecimal>
      sessionUsd();

  @WithDefault("warn")
  BudgetAction sessionAction();

  /** A USD budget per project and day (of the usage time zone), watched by this pod. */
  Optional<@DecimalMin(value = "0", inclusive = false) @DecimalMax("1000000") BigDecimal>
      projectDailyUsd();

  @WithDefault("warn")
  BudgetAction projectDailyAction();

  /** Where each fired threshold is posted as JSON (with a {@code text} line for chat tools). */
  Optional<URI> webhookUrl();

  /** How long one delivery may take. */
  @WithDefault("5s")
  Duration webhookTimeout();

  /** Deliveries tried before giving up: the first, then retries after 1 s, 2 s, 4 s, ... */
  @WithDefault("4")
  @Min(1)
  @Max(10)
  int webhookAttempts();
}
