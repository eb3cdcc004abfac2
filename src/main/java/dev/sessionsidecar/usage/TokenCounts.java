package dev.sessionsidecar.usage;

/**
 * The token counts of one call, in OpenTelemetry GenAI meaning (cache counts are part of input;
 * {@code cacheWrite1h} is the part of {@code cacheWrite} that went to the 1-hour cache).
 */
record TokenCounts(
    long input,
    long output,
    long cacheRead,
    long cacheWrite,
    long cacheWrite1h,
    long reasoning,
    long webSearches,
    String inferenceGeo,
    String speed) {}
