package dev.sessionsidecar.task;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.time.Duration;

/** Configuration of the task tracker and executor, under {@code sidecar.tasks.}. */
@ConfigMapping(prefix = "sidecar.tasks")
public interface TaskConfig {

  /** How many sidecar tasks run at once. */
  @WithDefault("2")
  @Min(1)
  @Max(16)
  int concurrency();

  /** How many sidecar tasks may wait to run; one more is refused with 429. */
  @WithDefault("100")
  @Min(1)
  int maxQueued();

  /** How long a task is kept after it was created, unless it asks for another ttl. */
  @WithDefault("24h")
  Duration defaultTtl();

  /** The longest ttl a task may ask for. */
  @WithDefault("7d")
  Duration maxTtl();

  /** How often a caller should poll a task (MCP pollInterval). */
  @WithDefault("2s")
  Duration pollInterval();

  /** How often the sweep deletes expired tasks. */
  @WithDefault("60s")
  Duration sweepInterval();

  /**
   * A running sidecar task whose runner has not renewed its lease for this long is failed by any
   * live sidecar (its runner stopped or lost the database).
   */
  @WithDefault("60s")
  Duration lease();
}
