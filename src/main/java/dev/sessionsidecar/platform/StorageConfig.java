package dev.sessionsidecar.platform;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Storage settings, under {@code sidecar.storage.}. */
@ConfigMapping(prefix = "sidecar.storage")
public interface StorageConfig {

  /**
   * How often half-empty chunks of the H2 file are rewritten (a duration such as {@code 10s}), or
   * {@code off}.
   */
  @WithDefault("10s")
  String compactEvery();
}
