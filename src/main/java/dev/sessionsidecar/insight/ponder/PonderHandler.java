package dev.sessionsidecar.insight.ponder;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sessionsidecar.insight.Finding;
import dev.sessionsidecar.insight.InsightService;
import dev.sessionsidecar.insight.InsightService.Outcome;
import dev.sessionsidecar.platform.ApiException;
import dev.sessionsidecar.platform.PlainText;
import dev.sessionsidecar.platform.Timestamps;
import dev.sessionsidecar.session.Projects;
import dev.sessionsidecar.task.TaskContext;
import dev.sessionsidecar.task.TaskHandler;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The {@code ponder} task: runs the rules over each project's recent history and stores what they
 * find as insights. Without a {@code project} parameter it covers the projects active since the
 * last such run (or within the window, after a start).
 */
@ApplicationScoped
class PonderHandler implements TaskHandler {

  static final String KIND = "ponder";
  static final String PROJECT = "project";

  /** Stored keys and titles are bounded; rules may build longer ones from long tool names. */
  private static final int MAX_KEY = 400;

  private static final int MAX_TITLE = 300;

  private final HistoryLoader loader;
  private final InsightService insights;
  private final Projects projects;
  private final InsightConfig config;
  private final Timestamps time;
  private final ObjectMapper mapper;
  private volatile Instant lastFullRunStart;

  PonderHandler(
      HistoryLoader loader,
      InsightService insights,
      Projects projects,
      InsightConfig config,
      Timestamps time,
      ObjectMapper mapper) {
    this.loader = loader;
    this.insights = insights;
    this.projects = projects;
    this.config = config;
    this.time = time;
    this.mapper = mapper;
  }

  @Override
  public String kind() {
    return KIND;
  }

  @Override
  public String title() {
    return "Look for patterns in recent tool calls and usage";
  }

  @Override
  public Set<String> parameterNames() {
    return Set.of(PROJECT);
  }

  @Override
  public void checkParameters(JsonNode parameters) {
    JsonNode project = parameters.get(PROJECT);
    if (project != null && (!project.isTextual() || project.asText().isBlank())) {
      throw ApiException.invalidArgument("parameters.project", "must be a project path");
    }
  }

  /** Whether any project saw activity since the last full run, so a scheduled run has work. */
  boolean hasWork() {
    return !loader.projectsActiveSince(activeSince(time.now())).isEmpty();
  }

  @Override
  public JsonNode run(TaskContext context) {
    Instant start = time.now();
    Instant windowStart = start.minus(config.ponderWindow());
    JsonNode named = context.parameters().get(PROJECT);
    Map<Long, String> projects =
        named == null ? loader.projectsActiveSince(activeSince(start)) : project(named.asText());
    ArrayNode results = mapper.createArrayNode();
    int done = 0;
    for (Map.Entry<Long, String> project : projects.entrySet()) {
      context.progress((double) done++ / projects.size(), "pondering " + project.getValue());
      List<Finding> findings = PonderRules.findings(loader.load(project.getKey(), windowStart));
      results.add(store(project.getValue(), findings));
    }
    if (named == null) {
      lastFullRunStart = start;
    }
    ObjectNode result = mapper.createObjectNode();
    result.put("window_start", windowStart.toString());
    result.set("projects", results);
    return result;
  }

  private Instant activeSince(Instant now) {
    Instant last = lastFullRunStart;
    return last != null ? last : now.minus(config.ponderWindow());
  }

  private Map<Long, String> project(String path) {
    Map<Long, String> one = new LinkedHashMap<>();
    projects.id(path).ifPresent(id -> one.put(id, path));
    return one;
  }

  private ObjectNode store(String projectPath, List<Finding> findings) {
    Map<Outcome, Integer> outcomes = new EnumMap<>(Outcome.class);
    QuarkusTransaction.requiringNew()
        .run(
            () ->
                findings.forEach(
                    f ->
                        outcomes.merge(
                            insights.record(bounded(f), projectPath, false).outcome(),
                            1,
                            Integer::sum)));
    ObjectNode result = mapper.createObjectNode();
    result.put("project", projectPath);
    result.put("findings", findings.size());
    for (Outcome outcome : Outcome.values()) {
      result.put(outcome.name().toLowerCase(Locale.ROOT), outcomes.getOrDefault(outcome, 0));
    }
    return result;
  }

  private static Finding bounded(Finding f) {
    String key =
        f.dedupeKey().length() <= MAX_KEY
            ? f.dedupeKey()
            : f.kind() + ":" + RetryLoopRule.hash(f.dedupeKey());
    return new Finding(
        f.source(),
        f.kind(),
        PlainText.abbreviate(f.title(), MAX_TITLE),
        f.detail() == null ? null : PlainText.abbreviate(f.detail(), 4000),
        f.evidence(),
        f.confidence(),
        key);
  }
}
