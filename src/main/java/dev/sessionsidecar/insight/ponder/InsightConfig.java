package dev.sessionsidecar.insight.ponder;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** How the pondering runs, under {@code sidecar.insights.}. */
@ConfigMapping(prefix = "sidecar.insights")
public interface InsightConfig {

  /** How often a ponder task is queued for the projects active since the last run. */
  @WithDefault("1h")
  Duration ponderEvery();

  /** How far back the pondering reads tool calls and usage. */
  @WithDefault("7d")
  Duration ponderWindow();

  /** The most recent tool calls read per project and run, to bound the work on busy projects. */
  @WithDefault("50000")
  int ponderMaxCalls();
}
