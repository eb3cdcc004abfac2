package dev.sessionsidecar.session;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.sessionsidecar.platform.ApiException;
import dev.sessionsidecar.platform.InstanceIdentity;
import dev.sessionsidecar.platform.Page;
import dev.sessionsidecar.platform.StoredJson;
import dev.sessionsidecar.platform.Timestamps;
import io.quarkus.hibernate.orm.panache.PanacheQuery;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Records tool calls idempotently and reads a session's history. */
@ApplicationScoped
public class ToolCallService {

  private final SessionService sessions;
  private final ToolCallConfig config;
  private final Timestamps time;
  private final InstanceIdentity instance;

  ToolCallService(
      SessionService sessions, ToolCallConfig config, Timestamps time, InstanceIdentity instance) {
    this.instance = instance;
    this.sessions = sessions;
    this.config = config;
    this.time = time;
  }

  /** The outcome of a record: the stored call, and whether this request created it. */
  public record Recorded(ToolCallView call, boolean created) {}

  /**
   * Records a call reported first-hand (a hook, the REST API). The session row is locked first, so
   * two writers with the same {@code call_id} are serialized and the second finds the first's
   * record instead of a duplicate; a repeat adds what the stored call lacks ({@link
   * ToolCall#learn}).
   */
  @Transactional
  public Recorded record(String sessionId, RecordToolCallRequest request) {
    return record(sessionId, request, ToolCall.FIRST_HAND);
  }

  /**
   * Records a call reported by telemetry: the same as {@link #record}, except that a later
   * first-hand report of the call replaces its tool name, arguments and agent.
   */
  @Transactional
  public Recorded recordFromTelemetry(String sessionId, RecordToolCallRequest request) {
    return record(sessionId, request, ToolCall.TELEMETRY);
  }

  /**
   * Records a call first-hand only when its {@code call_id} is not stored yet; a stored call is
   * left exactly as it is. For a report that describes only calls nobody else reported (Claude
   * Code's PostToolBatch: its entries of calls that ran repeat what PostToolUse said, less
   * exactly).
   */
  @Transactional
  public Recorded recordIfNew(String sessionId, RecordToolCallRequest request) {
    return record(sessionId, request, null);
  }

  /**
   * Records calls read from an agent's transcript, all in one transaction: each as a first-hand
   * report, its session active as of the call's own time; a result only completes the call it
   * belongs to. The calls stored before are looked up once for the lot, not once per call (a
   * backfill brings tens of thousands). Answers how many were refused (a time too far ahead, a
   * session gone), each of which changed nothing.
   */
  @Transactional
  public int recordAll(List<ReportedToolCall> calls) {
    Map<String, Optional<AgentSession>> locked = new HashMap<>();
    Map<String, Map<String, ToolCall>> stored = new HashMap<>();
    int refused = 0;
    for (ReportedToolCall reported : calls) {
      RecordToolCallRequest request = reported.request();
      Optional<AgentSession> session =
          locked.computeIfAbsent(reported.sessionId(), this::lockedIfThere);
      Instant now = time.now();
      Instant startedAt;
      try {
        startedAt = startedAt(request, now);
      } catch (ApiException tooFarAhead) {
        startedAt = null;
      }
      if (session.isEmpty() || startedAt == null) {
        refused++;
        continue;
      }
      Map<String, ToolCall> known =
          stored.computeIfAbsent(session.get().id, id -> ToolCall.byCallIdsOf(id, calls));
      ToolCall earlier = request.callId() == null ? null : known.get(request.callId());
      // A result alone does not know the tool: it adds to the call as a weaker report would.
      String by =
          reported.resultOnly() || reported.asTheModelSawIt()
              ? ToolCall.TELEMETRY
              : ToolCall.FIRST_HAND;
      if (earlier != null) {
        learn(session.get(), earlier, request, by);
      } else if (!reported.resultOnly()) {
        ToolCall call = newCall(session.get(), request, by, startedAt, now);
        session.get().recordToolCall(call.ok, startedAt.isBefore(now) ? startedAt : now);
        if (call.callId != null) {
          known.put(call.callId, call);
        }
      }
    }
    return refused;
  }

  private Optional<AgentSession> lockedIfThere(String sessionId) {
    try {
      return Optional.of(sessions.lockedOrNotFound(sessionId));
    } catch (ApiException gone) {
      return Optional.empty();
    }
  }

  /** {@code by} null: a stored call with the same id is answered as it is, learning nothing. */
  private Recorded record(String sessionId, RecordToolCallRequest request, String by) {
    if (request == null) {
      throw ApiException.invalidArgument(
          "body", "a JSON object with at least \"tool\" is required");
    }
    Instant now = time.now();
    Instant startedAt = startedAt(request, now);
    AgentSession session = sessions.lockedOrNotFound(sessionId);
    Optional<ToolCall> earlier = earlier(session, request);
    if (earlier.isPresent()) {
      return new Recorded(view(learn(session, earlier.get(), request, by)), false);
    }
    ToolCall call =
        newCall(session, request, by != null ? by : ToolCall.FIRST_HAND, startedAt, now);
    session.recordToolCall(call.ok, now);
    return new Recorded(view(call), true);
  }

  /** When the call started: as reported (a 400 when too far ahead), else now. */
  private Instant startedAt(RecordToolCallRequest request, Instant now) {
    return request.startedAt() == null ? now : time.reported("started_at", request.startedAt());
  }

  private static Optional<ToolCall> earlier(AgentSession session, RecordToolCallRequest request) {
    return request.callId() == null
        ? Optional.empty()
        : ToolCall.byCallId(session.id, request.callId());
  }

  private ToolCall newCall(
      AgentSession session,
      RecordToolCallRequest request,
      String by,
      Instant startedAt,
      Instant now) {
    ToolCall call = new ToolCall();
    call.sessionId = session.id;
    call.instanceId = instance.id();
    call.callId = request.callId();
    call.tool = request.tool();
    call.reportedBy = by;
    StoredArguments stored = storedArguments(request.arguments());
    call.arguments = stored.json();
    call.argumentsTruncated = stored.cut();
    call.ok = request.succeeded();
    call.error = request.error();
    call.resultSummary = request.resultSummary();
    call.durationMs = request.durationMs();
    call.agent = request.agent();
    call.promptId = request.promptId();
    call.startedAt = startedAt;
    call.recordedAt = now;
    call.persist();
    return call;
  }

  /** What a repeated report adds to a stored call ({@code by} null: nothing). */
  private ToolCall learn(
      AgentSession session, ToolCall call, RecordToolCallRequest request, String by) {
    StoredArguments stored = storedArguments(request.arguments());
    if (by != null && call.learn(request, by, stored.json(), stored.cut())) {
      session.recordLateFailure();
    }
    return call;
  }

  /** Arguments as stored: their JSON text, cut to the configured length (and whether it was). */
  private record StoredArguments(String json, boolean cut) {}

  private StoredArguments storedArguments(JsonNode arguments) {
    if (arguments == null || arguments.isNull()) {
      return new StoredArguments(null, false);
    }
    String json = arguments.toString();
    int max = config.maxArgumentsChars();
    boolean cut = json.length() > max;
    return new StoredArguments(cut ? json.substring(0, max) : json, cut);
  }

  /** Deletes tool calls recorded before the cutoff; answers how many. */
  @Transactional
  public long purgeRecordedBefore(Instant cutoff) {
    return ToolCall.deleteRecordedBefore(cutoff);
  }

  /** A session's tool calls, newest first. */
  @Transactional
  public Page<ToolCallView> history(String sessionId, int limit, int offset) {
    AgentSession session = sessions.findOrNotFound(sessionId);
    PanacheQuery<ToolCall> query = ToolCall.ofSessionNewestFirst(session.id);
    var items = query.range(offset, offset + limit - 1).list().stream().map(this::view).toList();
    return new Page<>(items, query.count(), limit, offset);
  }

  private ToolCallView view(ToolCall call) {
    return new ToolCallView(
        call.id,
        call.sessionId,
        call.callId,
        call.tool,
        arguments(call),
        call.argumentsTruncated,
        call.ok,
        call.error,
        call.resultSummary,
        call.durationMs,
        call.startedAt,
        call.recordedAt,
        call.agent,
        call.promptId);
  }

  private static JsonNode arguments(ToolCall call) {
    // Cut arguments are not JSON any more: they are given back as the text they are.
    return call.argumentsTruncated
        ? TextNode.valueOf(call.arguments)
        : StoredJson.read(call.arguments);
  }
}
