package dev.sessionsidecar.usage;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.nio.file.Path;
import java.util.Optional;

/** The usage ledger's settings, under {@code sidecar.usage.}. */
@ConfigMapping(prefix = "sidecar.usage")
public interface UsageConfig {

  /** A price file in the shipped table's format whose rows replace or extend the shipped ones. */
  Optional<Path> pricesFile();

  /** Most records one {@code POST /v1/usage} array may carry. */
  @WithDefault("1000")
  @Min(1)
  @Max(100_000)
  int maxBatch();
}
