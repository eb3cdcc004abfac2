package dev.sessionsidecar.insight;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import java.time.Instant;
import java.util.List;

/** An insight as readers see it, with its rank score at the time of reading. */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record InsightView(
    long id,
    String project,
    String source,
    String kind,
    String title,
    String detail,
    List<Evidence> evidence,
    double confidence,
    double score,
    String dedupeKey,
    Instant firstSeenAt,
    Instant lastSeenAt,
    long occurrences,
    boolean dismissed,
    Instant dismissedAt,
    String dismissReason) {

  private static final TypeReference<List<Evidence>> EVIDENCE = new TypeReference<>() {};

  static InsightView of(Insight insight, String projectPath, Instant now, ObjectMapper mapper) {
    return new InsightView(
        insight.id,
        projectPath,
        insight.source.wireName(),
        insight.kind,
        insight.title,
        insight.detail,
        evidence(insight.evidence, mapper),
        insight.confidence,
        InsightScore.of(insight.confidence, insight.lastSeenAt, now),
        insight.dedupeKey,
        insight.firstSeenAt,
        insight.lastSeenAt,
        insight.occurrences,
        insight.dismissed(),
        insight.dismissedAt,
        insight.dismissReason);
  }

  static List<Evidence> evidence(String json, ObjectMapper mapper) {
    try {
      return mapper.readValue(json, EVIDENCE);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("Stored evidence is not a JSON list of evidence", e);
    }
  }
}
