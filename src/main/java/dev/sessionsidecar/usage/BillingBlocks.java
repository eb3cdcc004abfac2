package dev.sessionsidecar.usage;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

/**
 * The 5-hour billing blocks Claude's plans count, as ccusage counts them: a block starts at the
 * (UTC) hour of its first request and lasts 5 hours; a request at or after its end, or 5 hours or
 * more after the request before it, starts the next. A block is active while it has not ended and
 * its last request is less than 5 hours old.
 */
final class BillingBlocks {

  static final Duration LENGTH = Duration.ofHours(5);

  private BillingBlocks() {}

  /** One block: when it runs, when its first and last requests were, and what they used. */
  record Block(Instant start, Instant first, Instant last, UsageTotals totals) {

    Instant end() {
      return start.plus(LENGTH);
    }

    boolean activeAt(Instant now) {
      return now.isBefore(end()) && Duration.between(last, now).compareTo(LENGTH) < 0;
    }

    /** As the API shows it; the burn rate and projection only while the block is active. */
    View view(Instant now) {
      UsageFigures figures = totals.figures();
      if (!activeAt(now)) {
        return new View(start, end(), false, null, null, null, null);
      }
      // The rate over the time the requests took, at least a minute, as ccusage measures it.
      long minutes = Math.max(1, Duration.between(first, last).toMinutes());
      long tokens = figures.inputTokens() + figures.outputTokens();
      BigDecimal cost = figures.costUsd();
      long remaining = Math.max(0, Duration.between(now, end()).toMinutes());
      long perMinute = tokens / minutes;
      BigDecimal costPerMinute =
          cost.divide(BigDecimal.valueOf(minutes), 10, RoundingMode.HALF_EVEN);
      return new View(
          start,
          end(),
          true,
          perMinute,
          Dollars.plain(costPerMinute.multiply(BigDecimal.valueOf(60))),
          tokens + perMinute * remaining,
          Dollars.plain(cost.add(costPerMinute.multiply(BigDecimal.valueOf(remaining)))));
    }
  }

  /** A block as {@code usage_stats} shows it. */
  @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
  public record View(
      Instant start,
      Instant end,
      boolean active,
      Long tokensPerMinute,
      BigDecimal costPerHourUsd,
      Long projectedTokens,
      BigDecimal projectedCostUsd) {}

  /** The blocks of the records, oldest first; the records must be oldest first too. */
  static List<Block> of(List<RecordedUse> oldestFirst) {
    List<Block> blocks = new ArrayList<>();
    Block open = null;
    for (RecordedUse r : oldestFirst) {
      boolean next =
          open == null
              || !r.createdAt().isBefore(open.end())
              || Duration.between(open.last(), r.createdAt()).compareTo(LENGTH) >= 0;
      if (next) {
        if (open != null) {
          blocks.add(open);
        }
        open =
            new Block(
                r.createdAt().truncatedTo(ChronoUnit.HOURS),
                r.createdAt(),
                r.createdAt(),
                UsageTotals.ZERO.plus(r));
      } else {
        open = new Block(open.start(), open.first(), r.createdAt(), open.totals().plus(r));
      }
    }
    if (open != null) {
      blocks.add(open);
    }
    return blocks;
  }
}
