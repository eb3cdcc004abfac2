package dev.sessionsidecar.fleet;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import java.math.BigDecimal;
import java.time.Instant;

/** One sidecar of the fleet: where it runs, whether it looks alive, what it recorded lately. */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record InstanceView(
    String instance,
    String pod,
    String namespace,
    String node,
    Instant startedAt,
    Instant lastSeenAt,
    boolean alive,
    long activeSessions,
    long toolCalls,
    long llmRequests,
    BigDecimal costUsd,
    long unknownCostRequests) {}
