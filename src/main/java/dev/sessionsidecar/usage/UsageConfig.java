package dev.sessionsidecar.usage;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithConverter;
import io.smallrye.config.WithDefault;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.Optional;

/** The usage ledger's settings, under {@code sidecar.usage.}. */
@ConfigMapping(prefix = "sidecar.usage")
public interface UsageConfig {

  /** A price file in the shipped table's format whose rows replace or extend the shipped ones. */
  Optional<Path> pricesFile();

  /**
   * The time zone whose days (weeks, months) usage is reported and budgeted by, e.g. {@code
   * Europe/Berlin}; UTC unless set. A record is added to the rollup row of its day in this zone
   * when it is written, so every sidecar of a fleet needs the same zone, and a change applies to
   * what is written from then on.
   */
  @WithDefault("UTC")
  @WithConverter(TimeZoneConverter.class)
  ZoneId timeZone();

  /** Most records one {@code POST /v1/usage} array may carry. */
  @WithDefault("1000")
  @Min(1)
  @Max(100_000)
  int maxBatch();
}
