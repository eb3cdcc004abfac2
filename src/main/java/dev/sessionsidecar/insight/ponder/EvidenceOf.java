package dev.sessionsidecar.insight.ponder;

import dev.sessionsidecar.insight.Evidence;
import dev.sessionsidecar.platform.PlainText;

/** Builds the evidence items the rules cite, with excerpts cut to a readable length. */
final class EvidenceOf {

  static final int EXCERPT = 200;

  private EvidenceOf() {}

  static Evidence call(CallSample call, String excerpt) {
    return new Evidence(
        "tool_call",
        Long.toString(call.id()),
        call.sessionId(),
        excerpt == null ? null : oneLine(excerpt));
  }

  /** The text on one line (tool errors often span several), cut to {@link #EXCERPT}. */
  static String oneLine(String text) {
    return PlainText.oneLine(text, EXCERPT);
  }

  static Evidence session(String sessionId, String excerpt) {
    return new Evidence("session", sessionId, sessionId, excerpt);
  }

  static String error(CallSample call) {
    return call.error() == null ? "failed" : call.error();
  }
}
