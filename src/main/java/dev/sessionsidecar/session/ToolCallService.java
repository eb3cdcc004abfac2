package dev.sessionsidecar.session;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.sessionsidecar.platform.ApiException;
import dev.sessionsidecar.platform.Instance;
import dev.sessionsidecar.platform.Page;
import dev.sessionsidecar.platform.StoredJson;
import dev.sessionsidecar.platform.Timestamps;
import io.quarkus.hibernate.orm.panache.PanacheQuery;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.Optional;

/** Records tool calls idempotently and reads a session's history. */
@ApplicationScoped
public class ToolCallService {

  private final SessionService sessions;
  private final ToolCallConfig config;
  private final Timestamps time;
  private final Instance instance;

  ToolCallService(
      SessionService sessions, ToolCallConfig config, Timestamps time, Instance instance) {
    this.instance = instance;
    this.sessions = sessions;
    this.config = config;
    this.time = time;
  }

  /** The outcome of a record: the stored call, and whether this request created it. */
  public record Recorded(ToolCallView call, boolean created) {}

  /**
   * Records a call. The session row is locked first, so two writers with the same {@code call_id}
   * are serialized and the second finds the first's record instead of a duplicate.
   */
  @Transactional
  public Recorded record(String sessionId, RecordToolCallRequest request) {
    if (request == null) {
      throw ApiException.invalidArgument(
          "body", "a JSON object with at least \"tool\" is required");
    }
    Instant startedAt =
        request.startedAt() == null ? null : time.reported("started_at", request.startedAt());
    Instant now = time.now();
    AgentSession session = sessions.lockedOrNotFound(sessionId);
    if (request.callId() != null) {
      Optional<ToolCall> earlier = ToolCall.byCallId(session.id, request.callId());
      if (earlier.isPresent()) {
        return new Recorded(view(earlier.get()), false);
      }
    }
    ToolCall call = new ToolCall();
    call.sessionId = session.id;
    call.instanceId = instance.id();
    call.callId = request.callId();
    call.tool = request.tool();
    storeArguments(call, request.arguments());
    call.ok = request.succeeded();
    call.error = request.error();
    call.resultSummary = request.resultSummary();
    call.durationMs = request.durationMs();
    call.agent = request.agent();
    call.promptId = request.promptId();
    call.startedAt = startedAt != null ? startedAt : now;
    call.recordedAt = now;
    call.persist();
    session.recordToolCall(call.ok, now);
    return new Recorded(view(call), true);
  }

  private void storeArguments(ToolCall call, JsonNode arguments) {
    if (arguments == null || arguments.isNull()) {
      return;
    }
    String json = arguments.toString();
    int max = config.maxArgumentsChars();
    call.argumentsTruncated = json.length() > max;
    call.arguments = call.argumentsTruncated ? json.substring(0, max) : json;
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
