package dev.sessionsidecar.tool;

import dev.sessionsidecar.insight.InsightView;
import dev.sessionsidecar.platform.PlainText;

/** Renders insights as lines a model can read. */
final class InsightLines {

  private InsightLines() {}

  static String insight(InsightView i) {
    StringBuilder line =
        new StringBuilder("id=")
            .append(i.id())
            .append(" score=")
            .append(i.score())
            .append(" confidence=")
            .append(i.confidence())
            .append(' ')
            .append(i.source())
            .append('/')
            .append(i.kind())
            .append(" seen=")
            .append(i.occurrences())
            .append("x last=")
            .append(i.lastSeenAt());
    if (i.dismissed()) {
      line.append(" dismissed=").append(i.dismissedAt());
    }
    return line.append(" title=").append(PlainText.oneLine(i.title(), 200)).toString();
  }
}
