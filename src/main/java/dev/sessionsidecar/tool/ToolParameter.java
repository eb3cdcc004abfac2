package dev.sessionsidecar.tool;

import dev.sessionsidecar.insight.InsightSource;
import dev.sessionsidecar.platform.QueryParameters;
import dev.sessionsidecar.usage.UsageGrouping;
import java.util.List;

/** The parameters the {@code session} tool accepts, with their JSON names and allowed values. */
public enum ToolParameter {
  SESSION_ID("session_id", "string", "Session id; defaults to the current session.", List.of()),
  TASK_ID("task_id", "string", "Task id (taskId) from tasks_list.", List.of()),
  INSIGHT_ID("insight_id", "integer", "Insight id (a positive integer) from insights.", List.of()),
  GROUP_BY("group_by", "string", "How usage_stats groups records.", UsageGrouping.wireNames()),
  SINCE_DAYS(
      "since_days", "integer", "Look back this many days; 0 means no time filter.", List.of()),
  LIMIT("limit", "integer", "Most items to return.", List.of()),
  INSIGHT_SOURCE(
      "insight_source", "string", "Only insights from this source.", InsightSource.wireNames()),
  MIN_CONFIDENCE(
      "min_confidence", "number", "Only insights at least this confident (0..1).", List.of());

  /** Largest {@code since_days} accepted: ten years. */
  public static final int MAX_SINCE_DAYS = QueryParameters.MAX_DAYS;

  public static final int DEFAULT_SINCE_DAYS = 30;

  private final String wireName;
  private final String jsonType;
  private final String description;
  private final List<String> allowedValues;

  ToolParameter(String wireName, String jsonType, String description, List<String> allowedValues) {
    this.wireName = wireName;
    this.jsonType = jsonType;
    this.description = description;
    this.allowedValues = allowedValues;
  }

  public String wireName() {
    return wireName;
  }

  public String jsonType() {
    return jsonType;
  }

  public String description() {
    return description;
  }

  /** The closed set of values, or empty when any value of the type is allowed. */
  public List<String> allowedValues() {
    return allowedValues;
  }
}
