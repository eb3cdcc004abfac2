package dev.sessionsidecar.transcript;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.sessionsidecar.platform.ApiException;
import dev.sessionsidecar.platform.RacedInserts;
import dev.sessionsidecar.session.SessionIds;
import dev.sessionsidecar.session.SessionService;
import dev.sessionsidecar.usage.RecordUsageRequest;
import dev.sessionsidecar.usage.UsageService;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Records what new transcript lines report: each API request once (its request id is the one
 * telemetry and a {@code POST /v1/usage} use, so a request seen by several sources is one record,
 * and a later source fills in what an earlier one lacked), in its session, which is started in the
 * project of the line's working directory when the sidecar has not seen it.
 */
@ApplicationScoped
class TranscriptIntake {

  /** Records stored per write, well within a usage write's limit. */
  private static final int BATCH = 500;

  private final ObjectMapper mapper;
  private final UsageService usage;
  private final SessionService sessions;
  private final TranscriptMetrics metrics;

  TranscriptIntake(
      ObjectMapper mapper, UsageService usage, SessionService sessions, TranscriptMetrics metrics) {
    this.mapper = mapper;
    this.usage = usage;
    this.sessions = sessions;
    this.metrics = metrics;
  }

  /** What a session's lines in one read hold: its working directory and its requests. */
  private record SessionLines(String cwd, List<RecordUsageRequest> requests) {

    /** When the first of the requests was made: when a session new to the sidecar began. */
    Instant firstAt() {
      return requests.stream()
          .map(RecordUsageRequest::createdAt)
          .min(Instant::compareTo)
          .orElseThrow();
    }
  }

  /**
   * Records the lines, read in order from one file by its {@code reader}, for sessions of {@code
   * client}; answers how many were skipped as unusable (each is counted in the metrics, none stops
   * the others).
   */
  long record(List<String> lines, LineReader reader, String client) {
    Map<String, SessionLines> bySession = new LinkedHashMap<>();
    long skipped = 0;
    for (String text : lines) {
      Optional<TranscriptRequest> line;
      try {
        line = reader.read(mapper.readTree(text));
      } catch (JsonProcessingException | IllegalArgumentException e) {
        skipped++;
        continue;
      }
      if (line.isEmpty()) {
        continue;
      }
      try {
        RecordUsageRequest checked = usage.checked(line.get().usage());
        bySession
            .computeIfAbsent(
                checked.sessionId(), id -> new SessionLines(line.get().cwd(), new ArrayList<>()))
            .requests()
            .add(checked);
      } catch (ApiException e) {
        skipped++;
      }
    }
    for (Map.Entry<String, SessionLines> session : bySession.entrySet()) {
      skipped += store(session.getKey(), session.getValue(), client);
    }
    metrics.linesRead(lines.size() - skipped);
    metrics.linesSkipped(skipped);
    return skipped;
  }

  /** Reads lines only for what later lines need of them (a Codex file's session and model). */
  void skim(List<String> lines, LineReader reader) {
    for (String text : lines) {
      try {
        reader.read(mapper.readTree(text));
      } catch (JsonProcessingException | IllegalArgumentException e) {
        // Counted when it was first read.
      }
    }
  }

  /** Stores a session's requests, starting the session first if needed; answers lines skipped. */
  private long store(String sessionId, SessionLines lines, String client) {
    try {
      if (!SessionIds.isValid(sessionId)) {
        return lines.requests().size();
      }
      RacedInserts.inNewTransaction(
          () -> sessions.lockedOrStarted(sessionId, lines::cwd, client, "cwd", lines.firstAt()));
    } catch (ApiException e) {
      return lines.requests().size();
    }
    List<RecordUsageRequest> requests = lines.requests();
    for (int from = 0; from < requests.size(); from += BATCH) {
      usage.recordChecked(requests.subList(from, Math.min(requests.size(), from + BATCH)));
    }
    return 0;
  }
}
