package dev.sessionsidecar.transcript;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.sessionsidecar.platform.ApiException;
import dev.sessionsidecar.platform.RacedInserts;
import dev.sessionsidecar.platform.StorageTrouble;
import dev.sessionsidecar.session.ReportedToolCall;
import dev.sessionsidecar.session.SessionIds;
import dev.sessionsidecar.session.SessionService;
import dev.sessionsidecar.session.ToolCallService;
import dev.sessionsidecar.usage.RecordUsageRequest;
import dev.sessionsidecar.usage.UsageService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.validation.Validator;
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
  private final ToolCallService toolCalls;
  private final Validator validator;
  private final TranscriptMetrics metrics;
  private final StorageTrouble storageTrouble;

  TranscriptIntake(
      ObjectMapper mapper,
      UsageService usage,
      SessionService sessions,
      ToolCallService toolCalls,
      Validator validator,
      TranscriptMetrics metrics,
      StorageTrouble storageTrouble) {
    this.mapper = mapper;
    this.usage = usage;
    this.sessions = sessions;
    this.toolCalls = toolCalls;
    this.validator = validator;
    this.metrics = metrics;
    this.storageTrouble = storageTrouble;
  }

  /** Lines read in order from one file by its reader. */
  record Part(List<String> lines, LineReader reader) {}

  /**
   * What a batch of parts holds once read: each session's requests and calls, how many lines of
   * each part were unusable, and how many lines there were.
   */
  record ReadParts(Map<String, SessionLines> bySession, List<Long> skipped, long lines) {}

  /**
   * Reads the parts' lines, each request once (an agent writes one response as several lines);
   * touches no store, so the next batch can be read while the one before is stored.
   */
  ReadParts read(List<Part> parts) {
    Map<String, SessionLines> bySession = new LinkedHashMap<>();
    Set<String> requestIds = new HashSet<>();
    List<Long> skipped = new ArrayList<>();
    long lines = 0;
    for (Part part : parts) {
      skipped.add(read(part, bySession, requestIds));
      lines += part.lines().size();
    }
    return new ReadParts(bySession, skipped, lines);
  }

  /**
   * Stores what the parts held for sessions of {@code client}, their requests in as few writes as
   * the batch allows (a backfill is a few large writes, not one per file); every unusable line is
   * counted in the metrics, and none stops the others.
   */
  void store(ReadParts read, String client) {
    long unusable = read.skipped().stream().mapToLong(Long::longValue).sum();
    List<RecordUsageRequest> requests = new ArrayList<>();
    List<ReportedToolCall> calls = new ArrayList<>();
    for (Map.Entry<String, SessionLines> session : read.bySession().entrySet()) {
      if (started(session.getKey(), session.getValue(), client)) {
        requests.addAll(session.getValue().requests());
        calls.addAll(session.getValue().toolCalls());
      } else {
        unusable += session.getValue().size();
      }
    }
    try {
      for (int from = 0; from < requests.size(); from += BATCH) {
        usage.recordChecked(requests.subList(from, Math.min(requests.size(), from + BATCH)));
      }
      for (int from = 0; from < calls.size(); from += BATCH) {
        unusable += toolCalls.recordAll(calls.subList(from, Math.min(calls.size(), from + BATCH)));
      }
    } catch (RuntimeException e) {
      // A session may have gone (purged) since it was seen: look each up again on the retry.
      known.clear();
      throw e;
    }
    metrics.linesRead(read.lines() - unusable);
    metrics.linesSkipped(unusable);
  }

  /**
   * Reads a part's lines into their sessions' requests, each request once (an agent writes one
   * response as several lines, and the first one's report is the one kept, as a repeat from another
   * source would leave it); answers how many lines were unusable.
   */
  private long read(Part part, Map<String, SessionLines> bySession, Set<String> requestIds) {
    long skipped = 0;
    for (String text : part.lines()) {
      Optional<TranscriptEntry> line;
      try {
        line = part.reader().read(mapper.readTree(text));
      } catch (JsonProcessingException | IllegalArgumentException e) {
        skipped++;
        continue;
      }
      if (line.isEmpty()) {
        continue;
      }
      if (!add(line.get(), bySession, requestIds)) {
        skipped++;
      }
    }
    return skipped;
  }

  /**
   * Adds what a line reports to its session's, all of it or, when any of it breaks the rules of the
   * API that takes it, nothing; answers whether it was added. A request already read is not added
   * again.
   */
  private boolean add(
      TranscriptEntry entry, Map<String, SessionLines> bySession, Set<String> requestIds) {
    List<RecordUsageRequest> requests = new ArrayList<>(1);
    List<ReportedToolCall> calls = new ArrayList<>(entry.toolCalls().size());
    try {
      if (entry.usage() != null && firstOf(entry.usage(), requestIds)) {
        requests.add(usage.checked(entry.usage()));
      }
      for (ReportedToolCall call : entry.toolCalls()) {
        calls.add(checked(call));
      }
    } catch (ApiException broken) {
      return false;
    }
    if (!requests.isEmpty() || !calls.isEmpty()) {
      SessionLines session =
          bySession.computeIfAbsent(entry.sessionId(), id -> new SessionLines(entry.cwd()));
      session.requests().addAll(requests);
      session.toolCalls().addAll(calls);
    }
    return true;
  }

  /** A call once it meets the rules of {@code POST /v1/sessions/{id}/tool-calls}. */
  private ReportedToolCall checked(ReportedToolCall call) {
    if (!validator.validate(call.request()).isEmpty()) {
      throw ApiException.invalidArgument("tool call", "breaks the tool-call API's rules");
    }
    return call;
  }

  private static boolean firstOf(RecordUsageRequest request, Set<String> requestIds) {
    return request.requestId() == null || requestIds.add(request.requestId());
  }

  /**
   * After storing a batch (or saving how far it was read) failed: a failure of the storage keeps
   * the sidecar unready a while, as a refused request does.
   */
  void failed(RuntimeException failure) {
    storageTrouble.seenIn(failure);
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
