package dev.sessionsidecar.tool;

import dev.sessionsidecar.platform.PlainText;
import dev.sessionsidecar.task.TaskView;

/** Renders tasks as lines a model can read. */
final class TaskLines {

  private TaskLines() {}

  static String task(TaskView t) {
    StringBuilder line =
        new StringBuilder(t.taskId())
            .append(' ')
            .append(t.status())
            .append(" kind=")
            .append(t.kind())
            .append(" owner=")
            .append(t.owner());
    if (t.progress() != null) {
      line.append(" progress=").append(t.progress());
    }
    if (t.statusMessage() != null) {
      line.append(" message=").append(PlainText.oneLine(t.statusMessage(), 120));
    }
    line.append(" created=").append(t.createdAt()).append(" updated=").append(t.lastUpdatedAt());
    line.append(" title=").append(PlainText.oneLine(t.title(), 120));
    return line.toString();
  }

  static String details(TaskView t) {
    StringBuilder text = new StringBuilder(task(t));
    text.append("\npoll every ")
        .append(t.pollInterval())
        .append("ms, kept ")
        .append(t.ttl())
        .append("ms after creation");
    if (t.sessionId() != null) {
      text.append("\nsession ").append(t.sessionId());
    }
    if (t.result() != null) {
      text.append("\nresult ").append(PlainText.oneLine(t.result().toString(), 2000));
    }
    if (t.error() != null) {
      text.append("\nerror ").append(PlainText.oneLine(t.error(), 2000));
    }
    return text.toString();
  }
}
