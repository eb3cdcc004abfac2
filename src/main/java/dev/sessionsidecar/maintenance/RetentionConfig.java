package dev.sessionsidecar.maintenance;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** How long data is kept before the purge task deletes it, under {@code sidecar.retention.}. */
@ConfigMapping(prefix = "sidecar.retention")
public interface RetentionConfig {

  /** Tool calls recorded longer ago are deleted. */
  @WithDefault("30d")
  Duration toolCalls();

  /** Usage records created longer ago are deleted (the daily rollups stay). */
  @WithDefault("90d")
  Duration usageRecords();

  /** Ended sessions without activity for longer are deleted, with their tool calls. */
  @WithDefault("90d")
  Duration sessions();

  /** Finished tasks last changed longer ago are deleted. */
  @WithDefault("7d")
  Duration tasks();

  /** How often a purge task is queued. */
  @WithDefault("24h")
  Duration purgeEvery();
}
