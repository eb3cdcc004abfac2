package dev.sessionsidecar.transcript;

import dev.sessionsidecar.session.ReportedToolCall;
import dev.sessionsidecar.usage.RecordUsageRequest;
import java.util.List;

/**
 * What one transcript line reports: its session and the session's working directory, the API
 * request it tells the usage of (null: none), and the tool calls it starts or finishes.
 */
record TranscriptEntry(
    String sessionId, String cwd, RecordUsageRequest usage, List<ReportedToolCall> toolCalls) {

  static TranscriptEntry ofUsage(String cwd, RecordUsageRequest usage) {
    return new TranscriptEntry(usage.sessionId(), cwd, usage, List.of());
  }
}
