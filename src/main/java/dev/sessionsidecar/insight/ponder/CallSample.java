package dev.sessionsidecar.insight.ponder;

import dev.sessionsidecar.session.ToolCall;
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
    Instant startedAt) {

  /** The sample of a recorded call whose arguments were cut to {@code prefixLength} characters. */
  static CallSample of(ToolCall.Sample call, int prefixLength) {
    return new CallSample(
        call.id(),
        call.sessionId(),
        call.tool(),
        argumentsKey(call.argumentsPrefix(), call.argumentsLength(), prefixLength),
        call.ok(),
        call.error(),
        call.durationMs(),
        call.startedAt());
  }

  private static String argumentsKey(String prefix, Integer length, int prefixLength) {
    if (prefix == null) {
      return "";
    }
    return length != null && length > prefixLength ? prefix + "… (" + length + " chars)" : prefix;
  }
}
