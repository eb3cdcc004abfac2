package dev.sessionsidecar.tool;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sessionsidecar.insight.InsightId;
import dev.sessionsidecar.platform.ApiException;
import java.util.Optional;

/**
 * The checked arguments of one call: typed accessors that apply each parameter's default and reject
 * values outside its range or set, naming the parameter and what is allowed.
 */
public final class ToolArguments {

  private static final int MAX_ID_LENGTH = 200;

  private final ActionName action;
  private final ObjectNode values;

  ToolArguments(ActionName action, ObjectNode values) {
    this.action = action;
    this.values = values;
  }

  public ActionName action() {
    return action;
  }

  /** An id-like string parameter, if given. */
  public Optional<String> id(ToolParameter parameter) {
    JsonNode node = values.get(parameter.wireName());
    if (node == null) {
      return Optional.empty();
    }
    if (!node.isTextual() || node.asText().isBlank() || node.asText().length() > MAX_ID_LENGTH) {
      throw ApiException.invalidArgument(
          parameter.wireName(),
          "must be a non-empty string of at most " + MAX_ID_LENGTH + " characters");
    }
    return Optional.of(node.asText());
  }

  /** An insight id, if given: a JSON integer that {@link InsightId} accepts. */
  public Optional<Long> insightId() {
    String name = ToolParameter.INSIGHT_ID.wireName();
    JsonNode node = values.get(name);
    if (node == null) {
      return Optional.empty();
    }
    if (!node.isIntegralNumber() || !node.canConvertToLong()) {
      throw InsightId.invalid(name);
    }
    return Optional.of(InsightId.checked(name, node.asLong()));
  }

  /** {@code limit}, from 1 to the action's maximum, or the action's default. */
  public int limit() {
    return integer(ToolParameter.LIMIT, action.defaultLimit(), 1, action.maxLimit());
  }

  /** {@code since_days}, from 0 (no time filter) to ten years, default 30. */
  public int sinceDays() {
    return integer(
        ToolParameter.SINCE_DAYS,
        ToolParameter.DEFAULT_SINCE_DAYS,
        0,
        ToolParameter.MAX_SINCE_DAYS);
  }

  /** A number in [0, 1], or the default. */
  public double fraction(ToolParameter parameter, double defaultValue) {
    JsonNode node = values.get(parameter.wireName());
    if (node == null) {
      return defaultValue;
    }
    if (!node.isNumber() || node.asDouble() < 0 || node.asDouble() > 1) {
      throw ApiException.invalidArgument(parameter.wireName(), "must be a number from 0 to 1");
    }
    return node.asDouble();
  }

  /** One of the parameter's allowed values, if given. */
  public Optional<String> choice(ToolParameter parameter) {
    JsonNode node = values.get(parameter.wireName());
    if (node == null) {
      return Optional.empty();
    }
    if (!node.isTextual() || !parameter.allowedValues().contains(node.asText())) {
      throw ApiException.invalidArgument(
          parameter.wireName(), "must be one of " + String.join(", ", parameter.allowedValues()));
    }
    return Optional.of(node.asText());
  }

  private int integer(ToolParameter parameter, int defaultValue, int min, int max) {
    JsonNode node = values.get(parameter.wireName());
    if (node == null) {
      return defaultValue;
    }
    if (!node.isIntegralNumber()
        || !node.canConvertToInt()
        || node.asInt() < min
        || node.asInt() > max) {
      throw ApiException.invalidArgument(
          parameter.wireName(),
          "must be an integer from " + min + " to " + max + " (default " + defaultValue + ")");
    }
    return node.asInt();
  }
}
