package dev.sessionsidecar.usage;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import dev.sessionsidecar.platform.PlainText;
import dev.sessionsidecar.session.SessionIds;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.time.Instant;

/**
 * One LLM call as reported to {@code POST /v1/usage}. Token counts follow the OpenTelemetry GenAI
 * conventions: {@code input_tokens} includes cached input, and {@code cache_read_tokens} and {@code
 * cache_write_tokens} are the parts of it read from or written to the cache; {@code
 * cache_write_1h_tokens}, when known, is the part of the writes that went to the 1-hour cache.
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record RecordUsageRequest(
    @Pattern(regexp = PlainText.PATTERN, message = PlainText.RULE)
        @Size(min = 1, max = 200, message = "must be 1 to 200 characters")
        String requestId,
    @Pattern(regexp = SessionIds.PATTERN, message = SessionIds.RULE) String sessionId,
    @Pattern(regexp = PlainText.PATTERN, message = PlainText.RULE)
        @NotBlank(message = "is required, e.g. anthropic or openai")
        @Size(max = MAX_PROVIDER, message = "must be at most 100 characters")
        String provider,
    @Pattern(regexp = PlainText.PATTERN, message = PlainText.RULE)
        @NotBlank(message = "is required, e.g. claude-sonnet-4-5")
        @Size(max = MAX_MODEL, message = "must be at most 200 characters")
        String model,
    @Pattern(
            regexp = "^[A-Za-z0-9][A-Za-z0-9_.:/-]{0,99}$",
            message =
                "must be 1 to 100 characters of letters, digits and _ . : / -, e.g. agent or"
                    + " subagent:explore")
        String role,
    @NotNull(message = "is required")
        @PositiveOrZero(message = "must be 0 or more")
        @Max(value = MAX_TOKENS, message = "must be at most " + MAX_TOKENS)
        Long inputTokens,
    @NotNull(message = "is required")
        @PositiveOrZero(message = "must be 0 or more")
        @Max(value = MAX_TOKENS, message = "must be at most " + MAX_TOKENS)
        Long outputTokens,
    @PositiveOrZero(message = "must be 0 or more")
        @Max(value = MAX_TOKENS, message = "must be at most " + MAX_TOKENS)
        Long cacheReadTokens,
    @PositiveOrZero(message = "must be 0 or more")
        @Max(value = MAX_TOKENS, message = "must be at most " + MAX_TOKENS)
        Long cacheWriteTokens,
    // Checked by UsageIntake against cache_write_tokens; snake case would drop the digit's '_'.
    @JsonProperty("cache_write_1h_tokens") Long cacheWrite1hTokens,
    @PositiveOrZero(message = "must be 0 or more")
        @Max(value = MAX_TOKENS, message = "must be at most " + MAX_TOKENS)
        Long reasoningTokens,
    @Digits(integer = 14, fraction = 10, message = "must have at most 10 decimal places")
        @DecimalMin(value = "0", message = "must be 0 or more")
        @DecimalMax(value = "100000", message = "must be at most 100000")
        BigDecimal costUsd,
    @PositiveOrZero(message = "must be 0 or more")
        @Max(value = 86_400_000L, message = "must be at most 86400000 (one day)")
        Long latencyMs,
    Boolean ok,
    @Size(max = 4000, message = "must be at most 4000 characters") String error,
    Instant createdAt,
    @PositiveOrZero(message = "must be 0 or more")
        @Max(value = 1_000_000L, message = "must be at most 1000000")
        Long webSearchRequests,
    @Pattern(
            regexp = "^[a-z0-9_-]{1,32}$",
            message = "must be 1 to 32 lower-case letters, digits, _ or -, e.g. us or global")
        String inferenceGeo,
    @Pattern(regexp = "^(standard|fast)$", message = "must be standard or fast") String speed) {

  /** The longest provider stored (lower-cased). */
  static final int MAX_PROVIDER = 100;

  /** The longest model stored (lower-cased). */
  static final int MAX_MODEL = 200;

  /** Largest token count of one call that is believable: ten billion. */
  static final long MAX_TOKENS = 10_000_000_000L;

  /**
   * A role from an agent's own name for who made a call (e.g. subagent:general-purpose), fitted to
   * the role rule: other characters become '-'; null when nothing is left.
   */
  public static String roleNamed(String agent) {
    if (agent == null) {
      return null;
    }
    String role = agent.replaceAll("[^A-Za-z0-9_.:/-]", "-").replaceAll("^[^A-Za-z0-9]+", "");
    return role.isEmpty() ? null : role.substring(0, Math.min(100, role.length()));
  }

  long cacheRead() {
    return cacheReadTokens == null ? 0 : cacheReadTokens;
  }

  long cacheWrite() {
    return cacheWriteTokens == null ? 0 : cacheWriteTokens;
  }

  long cacheWrite1h() {
    return cacheWrite1hTokens == null ? 0 : cacheWrite1hTokens;
  }

  long reasoning() {
    return reasoningTokens == null ? 0 : reasoningTokens;
  }

  /** The same call attributed to a session (null: to none named). */
  public RecordUsageRequest withSessionId(String session) {
    return new RecordUsageRequest(
        requestId,
        session,
        provider,
        model,
        role,
        inputTokens,
        outputTokens,
        cacheReadTokens,
        cacheWriteTokens,
        cacheWrite1hTokens,
        reasoningTokens,
        costUsd,
        latencyMs,
        ok,
        error,
        createdAt,
        webSearchRequests,
        inferenceGeo,
        speed);
  }

  boolean succeeded() {
    return ok != null ? ok : error == null;
  }
}
