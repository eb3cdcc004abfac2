package dev.sessionsidecar.insight.ponder;

import java.time.Instant;

/**
 * One tool call as the pondering sees it. {@code argumentsKey} stands for the arguments: equal keys
 * mean equal arguments (it holds their start and length, not necessarily all of them).
 */
public record CallSample(
    long id,
    String sessionId,
    String tool,
    String argumentsKey,
    boolean ok,
    String error,
    Long durationMs,
    Instant startedAt) {}
