package dev.sessionsidecar.session;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

/** How tool calls are stored, under {@code sidecar.tool-call.}. */
@ConfigMapping(prefix = "sidecar.tool-call")
public interface ToolCallConfig {

  /** Longest stored form of a tool call's arguments, in characters; longer ones are cut. */
  @WithDefault("8192")
  @Min(16)
  @Max(1_000_000)
  int maxArgumentsChars();
}
