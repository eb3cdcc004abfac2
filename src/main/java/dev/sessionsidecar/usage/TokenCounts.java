package dev.sessionsidecar.usage;

/**
 * The token counts of one call, in OpenTelemetry GenAI meaning (cache counts are part of input).
 */
record TokenCounts(long input, long output, long cacheRead, long cacheWrite, long reasoning) {}
