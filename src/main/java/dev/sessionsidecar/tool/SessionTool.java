package dev.sessionsidecar.tool;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sessionsidecar.budget.BudgetService;
import dev.sessionsidecar.platform.ApiException;
import dev.sessionsidecar.platform.PlainText;
import dev.sessionsidecar.platform.ProblemCode;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Iterator;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The {@code session} tool: unwraps a call, checks the action and its arguments, and hands it to
 * the action's bean. REST and MCP both call {@link #call(JsonNode)}.
 */
@ApplicationScoped
public class SessionTool {

  public static final String TOOL_NAME = "session";

  /** The actions whose text lists every budget in force already. */
  private static final Set<ActionName> LISTS_BUDGETS =
      EnumSet.of(ActionName.CURRENT_SESSION, ActionName.USAGE_SUMMARY, ActionName.RECAP);

  private final Map<ActionName, SessionAction> actions = new EnumMap<>(ActionName.class);
  private final BudgetService budgets;

  SessionTool(Instance<SessionAction> implementations, BudgetService budgets) {
    this.budgets = budgets;
    for (SessionAction action : implementations) {
      if (actions.put(action.name(), action) != null) {
        throw new IllegalStateException("Two beans implement action " + action.name());
      }
    }
    Set<ActionName> missing = EnumSet.complementOf(EnumSet.copyOf(actions.keySet()));
    if (!missing.isEmpty()) {
      // The contract's twelve actions all exist, so a call never finds one missing at run time.
      throw new IllegalStateException("No bean implements the actions " + missing);
    }
  }

  /** Runs a call given as bare arguments or as the {@code {"name", "arguments"}} envelope. */
  public ToolReply call(JsonNode body) {
    ObjectNode arguments = withoutNulls(unwrap(body));
    ActionName action = action(arguments.get("action"));
    arguments.remove("action");
    checkNames(action, arguments);
    ToolReply reply = actions.get(action).run(new ToolArguments(action, arguments));
    if (LISTS_BUDGETS.contains(action)) {
      return reply;
    }
    String warnings = BudgetLines.warnings(budgets.inForce());
    return warnings.isEmpty()
        ? reply
        : new ToolReply(reply.action(), reply.text() + warnings, reply.data());
  }

  private static ObjectNode unwrap(JsonNode body) {
    if (body == null || !body.isObject()) {
      throw new ApiException(
          ProblemCode.MALFORMED_REQUEST,
          "The body must be a JSON object: {\"action\": \"...\", ...} or {\"name\": \"session\","
              + " \"arguments\": {\"action\": \"...\", ...}}.");
    }
    ObjectNode object = (ObjectNode) body;
    if (object.has("action") || !(object.has("name") || object.has("arguments"))) {
      return object.deepCopy();
    }
    for (Iterator<String> names = object.fieldNames(); names.hasNext(); ) {
      String name = names.next();
      if (!name.equals("name") && !name.equals("arguments")) {
        throw ApiException.invalidArgument(
            name, "unknown field in the envelope; accepted fields are: arguments, name");
      }
    }
    JsonNode name = object.get("name");
    if (name == null || !TOOL_NAME.equals(name.asText()) || !name.isTextual()) {
      throw ApiException.invalidArgument(
          "name", "must be \"" + TOOL_NAME + "\", the only tool here");
    }
    JsonNode arguments = object.get("arguments");
    if (arguments == null || !arguments.isObject()) {
      throw ApiException.invalidArgument(
          "arguments", "must be a JSON object holding at least \"action\"");
    }
    return ((ObjectNode) arguments).deepCopy();
  }

  /** A JSON null means "not given": models often send every parameter, unused ones as null. */
  private static ObjectNode withoutNulls(ObjectNode arguments) {
    arguments.properties().removeIf(entry -> entry.getValue().isNull());
    return arguments;
  }

  private static ActionName action(JsonNode node) {
    String all = String.join(", ", ActionName.wireNames());
    if (node == null) {
      throw new ApiException(
          ProblemCode.INVALID_ACTION, "The argument \"action\" is required; one of: " + all + ".");
    }
    return ActionName.fromWire(node.isTextual() ? node.asText() : null)
        .orElseThrow(
            () ->
                new ApiException(
                    ProblemCode.INVALID_ACTION,
                    "Unknown action "
                        + PlainText.abbreviate(node.toString(), 60)
                        + "; the action must be one of: "
                        + all
                        + "."));
  }

  private static void checkNames(ActionName action, ObjectNode arguments) {
    TreeSet<String> accepted = new TreeSet<>();
    action.parameters().forEach(p -> accepted.add(p.wireName()));
    for (Iterator<String> names = arguments.fieldNames(); names.hasNext(); ) {
      String name = names.next();
      if (!accepted.contains(name)) {
        throw ApiException.invalidArgument(
            name,
            "is not an argument of "
                + action.wireName()
                + "; it accepts "
                + (accepted.isEmpty()
                    ? "no arguments besides action"
                    : String.join(", ", accepted)));
      }
    }
  }
}
