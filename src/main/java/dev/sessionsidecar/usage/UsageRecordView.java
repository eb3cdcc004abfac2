package dev.sessionsidecar.usage;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import java.math.BigDecimal;
import java.time.Instant;

/** A usage record as the API shows it. */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record UsageRecordView(
    long id,
    String requestId,
    String sessionId,
    String provider,
    String model,
    String role,
    long inputTokens,
    long outputTokens,
    long cacheReadTokens,
    long cacheWriteTokens,
    @JsonProperty("cache_write_1h_tokens") Long cacheWrite1hTokens,
    long reasoningTokens,
    Long webSearchRequests,
    String inferenceGeo,
    String speed,
    BigDecimal costUsd,
    String costSource,
    String priceVersion,
    Long latencyMs,
    boolean ok,
    String error,
    Instant createdAt,
    Instant recordedAt) {

  static UsageRecordView of(UsageRecord r) {
    return new UsageRecordView(
        r.id,
        r.requestId,
        r.sessionId,
        r.provider,
        r.model,
        r.role,
        r.inputTokens,
        r.outputTokens,
        r.cacheReadTokens,
        r.cacheWriteTokens,
        r.cacheWrite1hTokens,
        r.reasoningTokens,
        r.webSearchRequests,
        r.inferenceGeo,
        r.speed,
        r.costUsd == null ? null : Dollars.plain(r.costUsd),
        r.costSource.wireName(),
        r.priceVersion,
        r.latencyMs,
        r.ok,
        r.error,
        r.createdAt,
        r.recordedAt);
  }
}
