package dev.sessionsidecar.mcp;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.sessionsidecar.platform.ApiException;
import dev.sessionsidecar.tool.SessionTool;
import dev.sessionsidecar.tool.SessionToolSchema;
import dev.sessionsidecar.tool.ToolReply;
import io.quarkiverse.mcp.server.TextContent;
import io.quarkiverse.mcp.server.ToolManager;
import io.quarkiverse.mcp.server.ToolResponse;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.List;
import java.util.Map;

/**
 * The {@code session} tool over MCP: the same facade as {@code POST /v1/tools/session}. A failure
 * the caller can correct is a result with {@code isError} whose text carries the same code and
 * detail as the REST problem.
 */
@ApplicationScoped
class SessionMcpTool {

  static final String DESCRIPTION =
      "The agent's own record: its sessions and tool calls, LLM usage and cost, insights and"
          + " background tasks. Pick an action; each takes only the arguments listed for it.";

  private final SessionTool tool;
  private final ObjectMapper mapper;

  SessionMcpTool(SessionTool tool, ObjectMapper mapper) {
    this.tool = tool;
    this.mapper = mapper;
  }

  void register(@Observes StartupEvent event, ToolManager tools) {
    tools
        .newTool(SessionTool.TOOL_NAME)
        .setTitle("Session record")
        .setDescription(DESCRIPTION)
        .setInputSchema(SessionToolSchema.input())
        .setOutputSchema(SessionToolSchema.output())
        .setHandler(arguments -> call(arguments.args()))
        .register();
  }

  ToolResponse call(Map<String, Object> arguments) {
    try {
      JsonNode body = mapper.valueToTree(arguments);
      ToolReply reply = tool.call(body);
      return new ToolResponse(
          false, List.of(new TextContent(reply.text())), mapper.valueToTree(reply), null);
    } catch (ApiException e) {
      // The text carries the problem; no structured content, which would have to match the
      // output schema of a successful reply.
      return new ToolResponse(
          true, List.of(new TextContent(e.code().wireName() + ": " + e.getMessage())), null, null);
    }
  }
}
