package dev.sessionsidecar.usage;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import java.math.BigDecimal;

/** LLM usage of one session so far; calls of unknown cost add nothing to {@code cost_usd}. */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record SessionUsage(
    long requests,
    long inputTokens,
    long outputTokens,
    BigDecimal costUsd,
    long unknownCostRequests) {}
