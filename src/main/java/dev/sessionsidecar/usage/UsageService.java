package dev.sessionsidecar.usage;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.sessionsidecar.platform.GroupCommit;
import dev.sessionsidecar.platform.InstanceIdentity;
import dev.sessionsidecar.platform.Timestamps;
import dev.sessionsidecar.session.CurrentSession;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.hibernate.exception.ConstraintViolationException;

/** Stores usage records idempotently, prices them, and keeps the rollups in step. */
@ApplicationScoped
public class UsageService {

  private final UsageIntake intake;
  private final CurrentSession current;
  private final RecordPricing pricing;
  private final UsageRollups rollups;
  private final UsageMetrics metrics;
  private final Timestamps time;
  private final InstanceIdentity instance;
  private final GroupCommit<List<RecordUsageRequest>, Outcome> writer;
  private final Event<UsageRecorded> recorded;

  /** Most callers' writes that share one transaction. */
  static final int MAX_GROUP = 64;

  UsageService(
      UsageIntake intake,
      CurrentSession current,
      RecordPricing pricing,
      UsageRollups rollups,
      UsageMetrics metrics,
      Timestamps time,
      InstanceIdentity instance,
      Event<UsageRecorded> recorded) {
    this.instance = instance;
    this.recorded = recorded;
    this.intake = intake;
    this.current = current;
    this.pricing = pricing;
    this.rollups = rollups;
    this.metrics = metrics;
    this.time = time;
    this.writer = new GroupCommit<>("usage-writer", this::storeAll, MAX_GROUP);
  }

  /** What a write did: the records in body order, and how many were new or repeats. */
  public record Stored(List<UsageRecordView> records, int created, int repeated) {}

  /**
   * Stores one record or an array, all or nothing. A {@code request_id} seen before answers the
   * stored record and counts nothing again; two writers racing on one id collide on its unique
   * index, and the loser's retry finds the winner's record.
   */
  public Stored record(JsonNode body) throws JsonProcessingException {
    return store(intake.read(body));
  }

  /**
   * A call that another intake (OTLP) read, once it meets the rules of a {@code POST} body; a 400
   * naming the first field that does not.
   */
  public RecordUsageRequest checked(RecordUsageRequest request) {
    return intake.checked(request, "");
  }

  /** Stores calls that another intake read and {@link #checked}, all in one write. */
  public Stored recordChecked(List<RecordUsageRequest> checked) {
    return store(checked);
  }

  private Stored store(List<RecordUsageRequest> requests) {
    Outcome outcome;
    try {
      outcome = writer.submit(requests);
    } catch (ConstraintViolationException raced) {
      outcome = writer.submit(requests);
    }
    // Counted once committed, so a rolled-back write never shows in the metrics or budgets.
    outcome.created().forEach(metrics::record);
    if (!outcome.spenders().isEmpty()) {
      recorded.fire(new UsageRecorded(outcome.spenders()));
    }
    return outcome.stored();
  }

  /** Deletes usage records created before the cutoff; the rollups keep their totals. */
  @Transactional
  public long purgeCreatedBefore(Instant cutoff) {
    return UsageRecord.deleteCreatedBefore(cutoff);
  }

  @PreDestroy
  void stop() {
    writer.stop();
  }

  private record Outcome(
      Stored stored, List<UsageRecordView> created, List<UsageRecorded.Spender> spenders) {}

  /** Stores the writes of several callers in the caller's transaction, one outcome each. */
  private List<Outcome> storeAll(List<List<RecordUsageRequest>> writes) {
    Map<String, UsageRecord> known = existing(writes.stream().flatMap(List::stream).toList());
    Function<RecordUsageRequest, CurrentSession.Owner> ownerOf = owners(writes);
    List<UsageRecord> created = new ArrayList<>();
    List<Outcome> outcomes = new ArrayList<>(writes.size());
    for (List<RecordUsageRequest> requests : writes) {
      List<UsageRecordView> createdViews = new ArrayList<>();
      List<UsageRecorded.Spender> spenders = new ArrayList<>();
      List<UsageRecordView> views = new ArrayList<>(requests.size());
      for (RecordUsageRequest request : requests) {
        UsageRecord earlier = request.requestId() == null ? null : known.get(request.requestId());
        if (earlier != null) {
          pricing.fillIn(earlier, request);
          views.add(UsageRecordView.of(earlier));
          continue;
        }
        UsageRecord record = stored(request, ownerOf.apply(request));
        created.add(record);
        if (record.requestId != null) {
          known.put(record.requestId, record);
        }
        UsageRecordView view = UsageRecordView.of(record);
        createdViews.add(view);
        spenders.add(new UsageRecorded.Spender(record.sessionId, record.projectId));
        views.add(view);
      }
      outcomes.add(
          new Outcome(
              new Stored(views, createdViews.size(), requests.size() - createdViews.size()),
              createdViews,
              spenders));
    }
    UsageRecord.flush();
    rollups.add(created);
    return outcomes;
  }

  /** Stores one new record for its owner, whose activity was bumped, and charges its session. */
  private UsageRecord stored(RecordUsageRequest request, CurrentSession.Owner owner) {
    UsageRecord record = newRecord(request, owner);
    record.persist();
    if (record.sessionId != null) {
      current.charge(record.sessionId, record.costUsd, record.inputTokens + record.outputTokens);
    }
    return record;
  }

  /**
   * Each call's owner; the activity of a session is bumped once for all the writes, to the time of
   * its latest call in them.
   */
  private Function<RecordUsageRequest, CurrentSession.Owner> owners(
      List<List<RecordUsageRequest>> writes) {
    Map<String, Instant> lastActive = lastActivity(writes);
    Map<String, CurrentSession.Owner> owners = new HashMap<>();
    return request ->
        owners.computeIfAbsent(
            ownerKey(request), k -> current.recordActivity(request.sessionId(), lastActive.get(k)));
  }

  /** When each session the writes name was last active, by {@link #ownerKey}. */
  private Map<String, Instant> lastActivity(List<List<RecordUsageRequest>> writes) {
    Map<String, Instant> lastActive = new HashMap<>();
    writes.stream()
        .flatMap(List::stream)
        .forEach(r -> lastActive.merge(ownerKey(r), activeAt(r), UsageService::later));
    return lastActive;
  }

  /** The session a call names, or "null" for the current one. */
  private static String ownerKey(RecordUsageRequest request) {
    return String.valueOf(request.sessionId());
  }

  private static Instant later(Instant a, Instant b) {
    return a.isAfter(b) ? a : b;
  }

  /** When a call shows its session active: when it was made, if it says so (never later). */
  private Instant activeAt(RecordUsageRequest request) {
    Instant now = time.now();
    return request.createdAt() == null || request.createdAt().isAfter(now)
        ? now
        : request.createdAt();
  }

  private static Map<String, UsageRecord> existing(List<RecordUsageRequest> requests) {
    List<String> ids =
        requests.stream().map(RecordUsageRequest::requestId).filter(id -> id != null).toList();
    if (ids.isEmpty()) {
      return new HashMap<>();
    }
    return UsageRecord.byRequestIds(ids).stream()
        .collect(Collectors.toMap(r -> r.requestId, Function.identity()));
  }

  private UsageRecord newRecord(RecordUsageRequest request, CurrentSession.Owner owner) {
    UsageRecord r = new UsageRecord();
    r.requestId = request.requestId();
    r.instanceId = instance.id();
    r.sessionId = owner.sessionId();
    r.projectId = owner.projectId();
    r.provider = PriceTable.normalize(request.provider());
    r.model = PriceTable.normalize(request.model());
    r.role = request.role() == null ? "agent" : PriceTable.normalize(request.role());
    r.inputTokens = request.inputTokens();
    r.outputTokens = request.outputTokens();
    r.cacheReadTokens = request.cacheRead();
    r.cacheWriteTokens = request.cacheWrite();
    r.cacheWrite1hTokens = request.cacheWrite1hTokens();
    r.reasoningTokens = request.reasoning();
    r.webSearchRequests = request.webSearchRequests();
    r.inferenceGeo = request.inferenceGeo();
    r.speed = request.speed();
    r.latencyMs = request.latencyMs();
    r.ok = request.succeeded();
    r.error = request.error();
    r.recordedAt = time.now();
    r.createdAt =
        request.createdAt() == null
            ? r.recordedAt
            : request.createdAt().truncatedTo(ChronoUnit.MICROS);
    pricing.price(r, request.costUsd());
    return r;
  }
}
