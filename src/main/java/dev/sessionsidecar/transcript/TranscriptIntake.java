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
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Records what new transcript lines report: each API request once (its request id is the one
 * telemetry and a {@code POST /v1/usage} use, so a request seen by several sources is one record,
 * and a later source fills in what an earlier one lacked), in its session, which is started in the
 * project of the line's working directory when the sidecar has not seen it.
 */
@ApplicationScoped
class TranscriptIntake {

  /** Records stored per write: few commits in a backfill, a bounded transaction each. */
  private static final int BATCH = 1000;

  /** Sessions known to be stored, so that following a live file starts no transaction for them. */
  private final Set<String> known = ConcurrentHashMap.newKeySet();

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

  /** Lines read in order from one file by its reader. */
  record Part(List<String> lines, LineReader reader) {}

  /**
   * Records the parts' lines for sessions of {@code client}, their requests in as few writes as the
   * batch allows (a backfill is a few large writes, not one per file); answers how many lines of
   * each part were skipped as unusable (each is counted in the metrics, none stops the others).
   */
  List<Long> record(List<Part> parts, String client) {
    Map<String, SessionLines> bySession = new LinkedHashMap<>();
    Set<String> requestIds = new HashSet<>();
    List<Long> skipped = new ArrayList<>();
    long lines = 0;
    for (Part part : parts) {
      skipped.add(read(part, bySession, requestIds));
      lines += part.lines().size();
    }
    long unusable = skipped.stream().mapToLong(Long::longValue).sum();
    List<RecordUsageRequest> requests = new ArrayList<>();
    for (Map.Entry<String, SessionLines> session : bySession.entrySet()) {
      if (started(session.getKey(), session.getValue(), client)) {
        requests.addAll(session.getValue().requests());
      } else {
        unusable += session.getValue().requests().size();
      }
    }
    try {
      for (int from = 0; from < requests.size(); from += BATCH) {
        usage.recordChecked(requests.subList(from, Math.min(requests.size(), from + BATCH)));
      }
    } catch (RuntimeException e) {
      // A session may have gone (purged) since it was seen: look each up again on the retry.
      known.clear();
      throw e;
    }
    metrics.linesRead(lines - unusable);
    metrics.linesSkipped(unusable);
    return skipped;
  }

  /**
   * Reads a part's lines into their sessions' requests, each request once (an agent writes one
   * response as several lines, and the first one's report is the one kept, as a repeat from another
   * source would leave it); answers how many lines were unusable.
   */
  private long read(Part part, Map<String, SessionLines> bySession, Set<String> requestIds) {
    long skipped = 0;
    for (String text : part.lines()) {
      Optional<TranscriptRequest> line;
      try {
        line = part.reader().read(mapper.readTree(text));
      } catch (JsonProcessingException | IllegalArgumentException e) {
        skipped++;
        continue;
      }
      if (line.isEmpty() || !firstOf(line.get(), requestIds)) {
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
    return skipped;
  }

  private static boolean firstOf(TranscriptRequest line, Set<String> requestIds) {
    String id = line.usage().requestId();
    return id == null || requestIds.add(id);
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

  /**
   * Whether the session can take its requests: known (seen by this reader before, or stored), or
   * started now in the project of its working directory; false for one that cannot be started.
   */
  private boolean started(String sessionId, SessionLines lines, String client) {
    if (known.contains(sessionId)) {
      return true;
    }
    try {
      if (!SessionIds.isValid(sessionId)) {
        return false;
      }
      RacedInserts.inNewTransaction(
          () -> sessions.lockedOrStarted(sessionId, lines::cwd, client, "cwd", lines.firstAt()));
    } catch (ApiException e) {
      return false;
    }
    known.add(sessionId);
    return true;
  }
}
