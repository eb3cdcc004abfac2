package dev.sessionsidecar.transcript;

import dev.sessionsidecar.session.ReportedToolCall;
import dev.sessionsidecar.usage.RecordUsageRequest;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.stream.Stream;

/**
 * What a session's lines in one read hold: its working directory, its requests and its tool calls.
 */
record SessionLines(
    String cwd, List<RecordUsageRequest> requests, List<ReportedToolCall> toolCalls) {

  SessionLines(String cwd) {
    this(cwd, new ArrayList<>(), new ArrayList<>());
  }

  /** When the first request or call was made: when a session new to the sidecar began. */
  Instant firstAt() {
    return Stream.concat(
            requests.stream().map(RecordUsageRequest::createdAt),
            toolCalls.stream().map(call -> call.request().startedAt()))
        .filter(Objects::nonNull)
        .min(Instant::compareTo)
        .orElseGet(Instant::now);
  }

  int size() {
    return requests.size() + toolCalls.size();
  }
}
