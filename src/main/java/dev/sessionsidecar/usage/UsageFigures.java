package dev.sessionsidecar.usage;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import java.math.BigDecimal;

/**
 * Usage totals over a window. {@code cost_usd} is reported plus estimated cost; calls whose cost is
 * unknown are counted in {@code unknown_cost_requests} and add nothing to it. {@code
 * latency_p95_ms} is the upper bound of the latency bucket that holds the 95th percentile (null
 * when no call reported a latency, or when it is over 600000).
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record UsageFigures(
    long requests,
    long errors,
    long inputTokens,
    long outputTokens,
    long cacheReadTokens,
    long cacheWriteTokens,
    long reasoningTokens,
    BigDecimal costUsd,
    BigDecimal reportedCostUsd,
    BigDecimal estimatedCostUsd,
    long reportedCostRequests,
    long estimatedCostRequests,
    long unknownCostRequests,
    long latencyRequests,
    Long latencyMeanMs,
    Long latencyP95Ms) {}
