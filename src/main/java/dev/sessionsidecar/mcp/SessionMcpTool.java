package dev.sessionsidecar.mcp;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sessionsidecar.platform.ApiException;
import dev.sessionsidecar.platform.PlainText;
import dev.sessionsidecar.platform.Violations;
import dev.sessionsidecar.tool.SessionTool;
import dev.sessionsidecar.tool.SessionToolSchema;
import dev.sessionsidecar.tool.ToolReply;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.validation.ConstraintViolationException;

/**
 * The {@code session} tool over MCP: the same facade as {@code POST /v1/tools/session}. The model
 * reads the compact text and nothing else: agents hand their model a result's structured content
 * when there is one (the text again, as JSON, four to twenty times longer), so there is none unless
 * the call asks for the typed data in its {@code _meta} ({@value #DATA_META}: true). A failure the
 * caller can correct is a result with {@code isError} whose text carries the same code and detail
 * as the REST problem.
 */
@ApplicationScoped
class SessionMcpTool {

  static final String DESCRIPTION =
      "The agent's own record: its sessions and tool calls, LLM usage and cost, insights and"
          + " background tasks. Pick an action; each takes only the arguments listed for it.";

  /** The {@code _meta} key of a call that wants the typed data as structured content. */
  static final String DATA_META = "dev.sessionsidecar/data";

  private final SessionTool tool;
  private final ObjectMapper mapper;
  private final ObjectNode definition;

  SessionMcpTool(SessionTool tool, ObjectMapper mapper) {
    this.tool = tool;
    this.mapper = mapper;
    this.definition =
        mapper
            .createObjectNode()
            .put("name", SessionTool.TOOL_NAME)
            .put("title", "Session record")
            .put("description", DESCRIPTION);
    definition.set("inputSchema", mapper.valueToTree(SessionToolSchema.input()));
  }

  /** The tool as {@code tools/list} describes it. */
  ObjectNode definition() {
    return definition.deepCopy();
  }

  /** Runs {@code tools/call}: its params name the tool and hold the arguments. */
  ObjectNode call(ObjectNode params) {
    JsonNode name = params.get("name");
    if (name == null || !name.isTextual()) {
      throw JsonRpcError.invalidParams(
          "params.name is required: the tool's name, \"" + SessionTool.TOOL_NAME + "\"");
    }
    if (!SessionTool.TOOL_NAME.equals(name.asText())) {
      throw JsonRpcError.invalidParams(
          "unknown tool \""
              + PlainText.oneLine(name.asText(), 60)
              + "\"; this server has one tool, \""
              + SessionTool.TOOL_NAME
              + "\"");
    }
    JsonNode arguments = params.get("arguments");
    if (arguments != null && !arguments.isObject()) {
      throw JsonRpcError.invalidParams(
          "params.arguments must be a JSON object such as {\"action\": \"recap\"}");
    }
    ObjectNode given = arguments == null ? mapper.createObjectNode() : (ObjectNode) arguments;
    return result(given, wantsData(params.get("_meta")));
  }

  private static boolean wantsData(JsonNode meta) {
    return meta != null && meta.path(DATA_META).isBoolean() && meta.path(DATA_META).booleanValue();
  }

  private ObjectNode result(ObjectNode arguments, boolean withData) {
    try {
      ToolReply reply = tool.call(arguments);
      ObjectNode result = text(reply.text(), false);
      if (withData) {
        ObjectNode typed = result.putObject("structuredContent");
        typed.put("action", reply.action());
        typed.set("data", mapper.valueToTree(reply.data()));
      }
      return result;
    } catch (ApiException e) {
      return failure(e);
    } catch (ConstraintViolationException e) {
      return failure(Violations.toApiException(e.getConstraintViolations(), ""));
    }
  }

  /** The text carries the problem, as the REST problem's code and detail. */
  private ObjectNode failure(ApiException e) {
    return text(e.code().wireName() + ": " + e.getMessage(), true);
  }

  private ObjectNode text(String text, boolean isError) {
    ObjectNode result = mapper.createObjectNode();
    result.putArray("content").addObject().put("type", "text").put("text", text);
    return result.put("isError", isError);
  }
}
