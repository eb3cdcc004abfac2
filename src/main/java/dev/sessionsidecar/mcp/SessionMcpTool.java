package dev.sessionsidecar.mcp;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.sessionsidecar.platform.ApiException;
import dev.sessionsidecar.tool.SessionTool;
import dev.sessionsidecar.tool.SessionToolSchema;
import dev.sessionsidecar.tool.ToolReply;
import io.quarkiverse.mcp.server.Meta;
import io.quarkiverse.mcp.server.MetaKey;
import io.quarkiverse.mcp.server.TextContent;
import io.quarkiverse.mcp.server.ToolManager;
import io.quarkiverse.mcp.server.ToolResponse;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

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

  private static final MetaKey DATA = MetaKey.from(DATA_META);

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
        .setHandler(arguments -> call(arguments.args(), wantsData(arguments.meta())))
        .register();
  }

  private static boolean wantsData(Meta meta) {
    return meta != null && Boolean.TRUE.equals(meta.getValue(DATA));
  }

  ToolResponse call(Map<String, Object> arguments, boolean withData) {
    try {
      ToolReply reply = tool.call(mapper.valueToTree(arguments));
      List<TextContent> text = List.of(new TextContent(reply.text()));
      if (!withData) {
        // No structured content at all: a null one is sent as null, which clients refuse.
        return new ToolResponse(false, text);
      }
      Map<String, Object> typed = new LinkedHashMap<>();
      typed.put("action", reply.action());
      typed.put("data", reply.data());
      return new ToolResponse(false, text, mapper.valueToTree(typed), null);
    } catch (ApiException e) {
      // The text carries the problem, as the REST problem's code and detail.
      return new ToolResponse(
          true, List.of(new TextContent(e.code().wireName() + ": " + e.getMessage())));
    }
  }
}
