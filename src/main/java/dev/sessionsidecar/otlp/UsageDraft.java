package dev.sessionsidecar.otlp;

import dev.sessionsidecar.usage.RecordUsageRequest;
import java.math.BigDecimal;
import java.time.Instant;

/** A usage record put together from a span's or a log record's attributes, part by part. */
final class UsageDraft {

  private final String requestId;
  private final String provider;
  private final String model;
  private final Tokens tokens;
  private String role;
  private Long reasoningTokens;
  private BigDecimal costUsd;
  private Long latencyMs;
  private Boolean ok;
  private String error;
  private Instant createdAt;

  UsageDraft(String requestId, String provider, String model, Tokens tokens) {
    this.requestId = requestId;
    this.provider = provider;
    this.model = model;
    this.tokens = tokens;
  }

  /** Who made the call, e.g. the agent a span names; null: the main agent. */
  UsageDraft role(String who) {
    this.role = who;
    return this;
  }

  /** The reasoning part of the output tokens, when the producer counts it. */
  UsageDraft reasoningTokens(Long reasoning) {
    this.reasoningTokens = reasoning;
    return this;
  }

  UsageDraft costUsd(BigDecimal cost) {
    this.costUsd = cost;
    return this;
  }

  UsageDraft latencyMs(Long latency) {
    this.latencyMs = latency;
    return this;
  }

  /** Failed calls carry their error; a null error with {@code ok} false says only that. */
  UsageDraft outcome(boolean succeeded, String failure) {
    this.ok = succeeded;
    this.error = failure;
    return this;
  }

  UsageDraft createdAt(Instant at) {
    this.createdAt = at;
    return this;
  }

  /** The record, without a session: the recorder attributes it. */
  RecordUsageRequest request() {
    return new RecordUsageRequest(
        requestId,
        null,
        provider,
        model,
        role,
        tokens.input(),
        tokens.output(),
        tokens.cacheRead(),
        tokens.cacheWrite(),
        null,
        reasoningTokens,
        costUsd,
        latencyMs,
        ok,
        error,
        createdAt,
        null,
        null,
        null);
  }
}
