package dev.sessionsidecar.tool;

import dev.sessionsidecar.insight.InsightId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The JSON Schema of the {@code session} tool's arguments, built from {@link ActionName} and {@link
 * ToolParameter}, so the schema and the checks can never disagree.
 */
public final class SessionToolSchema {

  private SessionToolSchema() {}

  public static Map<String, Object> input() {
    Map<String, Object> properties = new LinkedHashMap<>();
    properties.put(
        "action",
        Map.of(
            "type",
            "string",
            "enum",
            ActionName.wireNames(),
            "description",
            "What to do. " + perAction()));
    for (ToolParameter parameter : ToolParameter.values()) {
      properties.put(parameter.wireName(), property(parameter));
    }
    Map<String, Object> schema = new LinkedHashMap<>();
    schema.put("type", "object");
    schema.put("properties", properties);
    schema.put("required", List.of("action"));
    schema.put("additionalProperties", false);
    return schema;
  }

  private static Map<String, Object> property(ToolParameter parameter) {
    Map<String, Object> property = new LinkedHashMap<>();
    property.put("type", parameter.jsonType());
    property.put("description", parameter.description() + " Used by: " + usedBy(parameter) + ".");
    if (!parameter.allowedValues().isEmpty()) {
      property.put("enum", parameter.allowedValues());
    }
    switch (parameter) {
      case LIMIT -> {
        property.put("minimum", 1);
        property.put(
            "maximum",
            Arrays.stream(ActionName.values()).mapToInt(ActionName::maxLimit).max().orElse(1));
        property.put(
            "description", property.get("description") + " Defaults and maxima: " + limits() + ".");
      }
      case SINCE_DAYS -> {
        property.put("minimum", 0);
        property.put("maximum", ToolParameter.MAX_SINCE_DAYS);
        property.put("default", ToolParameter.DEFAULT_SINCE_DAYS);
      }
      case MIN_CONFIDENCE -> {
        property.put("minimum", 0);
        property.put("maximum", 1);
        property.put("default", 0.3);
      }
      case GROUP_BY -> property.put("default", "model");
      case INSIGHT_ID -> {
        property.put("minimum", 1);
        property.put("maximum", InsightId.MAX);
      }
      default -> property.put("minLength", 1);
    }
    return property;
  }

  private static String usedBy(ToolParameter parameter) {
    List<String> actions = new ArrayList<>();
    for (ActionName action : ActionName.values()) {
      if (action.parameters().contains(parameter)) {
        actions.add(action.wireName());
      }
    }
    return String.join(", ", actions);
  }

  private static String limits() {
    List<String> limits = new ArrayList<>();
    for (ActionName action : ActionName.values()) {
      if (action.maxLimit() > 0) {
        limits.add(action.wireName() + " " + action.defaultLimit() + "/" + action.maxLimit());
      }
    }
    return String.join(", ", limits);
  }

  private static String perAction() {
    List<String> lines = new ArrayList<>();
    for (ActionName action : ActionName.values()) {
      List<String> names =
          action.parameters().stream().map(ToolParameter::wireName).sorted().toList();
      lines.add(action.wireName() + (names.isEmpty() ? "" : " (" + String.join(", ", names) + ")"));
    }
    return "Actions and their arguments: " + String.join("; ", lines) + ".";
  }
}
