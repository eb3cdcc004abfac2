package dev.sessionsidecar.insight;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.sessionsidecar.platform.ApiException;
import dev.sessionsidecar.platform.RacedInserts;
import dev.sessionsidecar.platform.Timestamps;
import dev.sessionsidecar.session.Project;
import dev.sessionsidecar.session.Projects;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.time.Instant;

/**
 * Stores findings as insights, one row per project and dedupe key, and dismisses and restores them.
 * A dismissed insight stays dismissed however often its finding is reported again.
 */
@ApplicationScoped
public class InsightService {

  private final Projects projects;
  private final Timestamps time;
  private final ObjectMapper mapper;

  InsightService(Projects projects, Timestamps time, ObjectMapper mapper) {
    this.projects = projects;
    this.time = time;
    this.mapper = mapper;
  }

  /** What a report did to the stored insight. */
  public enum Outcome {
    CREATED,
    UPDATED,
    UNCHANGED
  }

  /** A report's outcome and the insight as stored after it. */
  public record Reported(Outcome outcome, InsightView insight) {}

  /** Records a posted finding in the named project, or else in the active one. */
  public Reported report(Finding finding, String projectPath) {
    String path = projects.namedOrActive(projectPath, "project", "give its path");
    // Two first reports of one project may race to store it; the loser finds it then.
    return RacedInserts.inNewTransaction(() -> record(finding, path, true));
  }

  /**
   * Records a finding in a project, taking the project's lock so that reports of one finding never
   * make two rows. With {@code countRepeats} false (the pondering, which sees the same history on
   * every run), a finding whose evidence and confidence did not change leaves the row untouched.
   */
  @Transactional(Transactional.TxType.MANDATORY)
  public Reported record(Finding finding, String projectPath, boolean countRepeats) {
    Project project = projects.locked(projectPath);
    Instant now = time.now();
    String evidence = json(finding);
    Insight insight = Insight.byDedupeKey(project.id, finding.dedupeKey()).orElse(null);
    Outcome outcome;
    if (insight == null) {
      insight = new Insight();
      insight.projectId = project.id;
      insight.source = finding.source();
      insight.kind = finding.kind();
      insight.dedupeKey = finding.dedupeKey();
      insight.firstSeenAt = now;
      insight.occurrences = 0;
      outcome = Outcome.CREATED;
    } else if (!countRepeats
        && insight.evidence.equals(evidence)
        && insight.confidence == finding.confidence()) {
      return new Reported(Outcome.UNCHANGED, InsightView.of(insight, project.path, now, mapper));
    } else {
      outcome = Outcome.UPDATED;
    }
    insight.title = finding.title();
    insight.detail = finding.detail();
    insight.evidence = evidence;
    insight.confidence = finding.confidence();
    insight.lastSeenAt = now;
    insight.occurrences++;
    insight.persist();
    return new Reported(outcome, InsightView.of(insight, project.path, now, mapper));
  }

  @Transactional
  public InsightView get(long id) {
    return view(found(id, LockModeType.NONE));
  }

  /** Dismisses an insight for good; dismissing it again keeps the first dismissal. */
  @Transactional
  public Reported dismiss(long id, String reason, Long requiredProjectId) {
    Insight insight = found(id, LockModeType.PESSIMISTIC_WRITE);
    if (requiredProjectId != null && !insight.projectId.equals(requiredProjectId)) {
      throw notFound(id);
    }
    if (insight.dismissed()) {
      return new Reported(Outcome.UNCHANGED, view(insight));
    }
    insight.dismissedAt = time.now();
    insight.dismissReason = reason;
    return new Reported(Outcome.UPDATED, view(insight));
  }

  /** Brings a dismissed insight back into the digest. */
  @Transactional
  public Reported restore(long id) {
    Insight insight = found(id, LockModeType.PESSIMISTIC_WRITE);
    if (!insight.dismissed()) {
      return new Reported(Outcome.UNCHANGED, view(insight));
    }
    insight.dismissedAt = null;
    insight.dismissReason = null;
    return new Reported(Outcome.UPDATED, view(insight));
  }

  InsightView view(Insight insight) {
    return InsightView.of(insight, projects.pathOf(insight.projectId), time.now(), mapper);
  }

  private static Insight found(long id, LockModeType lock) {
    Insight insight = Insight.findById(id, lock);
    if (insight == null) {
      throw notFound(id);
    }
    return insight;
  }

  static ApiException notFound(long id) {
    return ApiException.notFound(
        "No insight with id " + id + ": take an id from the insights list.");
  }

  private String json(Finding finding) {
    try {
      return mapper.writeValueAsString(finding.evidence());
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("Evidence could not be written as JSON", e);
    }
  }
}
