package dev.sessionsidecar.tool;

import static dev.sessionsidecar.tool.ToolParameter.GROUP_BY;
import static dev.sessionsidecar.tool.ToolParameter.INSIGHT_ID;
import static dev.sessionsidecar.tool.ToolParameter.INSIGHT_SOURCE;
import static dev.sessionsidecar.tool.ToolParameter.LIMIT;
import static dev.sessionsidecar.tool.ToolParameter.MIN_CONFIDENCE;
import static dev.sessionsidecar.tool.ToolParameter.SESSION_ID;
import static dev.sessionsidecar.tool.ToolParameter.SINCE_DAYS;
import static dev.sessionsidecar.tool.ToolParameter.TASK_ID;

import dev.sessionsidecar.platform.WireName;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** The twelve actions of the {@code session} tool, the parameters each takes and its limits. */
public enum ActionName implements WireName {
  CURRENT_SESSION(Set.of(), 0, 0),
  LIST_SESSIONS(Set.of(LIMIT, SINCE_DAYS), 20, 200),
  GET_HISTORY(Set.of(SESSION_ID, LIMIT), 50, 500),
  RECAP(Set.of(SINCE_DAYS), 0, 0),
  USAGE_SUMMARY(Set.of(SINCE_DAYS), 0, 0),
  USAGE_STATS(Set.of(GROUP_BY, SINCE_DAYS, LIMIT), 50, 200),
  USAGE_LIST(Set.of(SINCE_DAYS, LIMIT), 20, 1000),
  INSIGHTS(Set.of(INSIGHT_SOURCE, MIN_CONFIDENCE, SINCE_DAYS, LIMIT), 20, 200),
  DISMISS_INSIGHT(Set.of(INSIGHT_ID), 0, 0),
  TASKS_LIST(Set.of(LIMIT, SINCE_DAYS), 20, 200),
  TASKS_GET(Set.of(TASK_ID), 0, 0),
  TASKS_CANCEL(Set.of(TASK_ID), 0, 0);

  private final Set<ToolParameter> parameters;
  private final int defaultLimit;
  private final int maxLimit;

  ActionName(Set<ToolParameter> parameters, int defaultLimit, int maxLimit) {
    this.parameters = parameters;
    this.defaultLimit = defaultLimit;
    this.maxLimit = maxLimit;
  }

  public Set<ToolParameter> parameters() {
    return parameters;
  }

  public int defaultLimit() {
    return defaultLimit;
  }

  public int maxLimit() {
    return maxLimit;
  }

  public static Optional<ActionName> fromWire(String name) {
    return WireName.fromWire(ActionName.class, name);
  }

  /** All twelve wire names, in contract order. */
  public static List<String> wireNames() {
    return WireName.wireNames(ActionName.class);
  }
}
