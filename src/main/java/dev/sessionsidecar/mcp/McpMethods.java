package dev.sessionsidecar.mcp;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The methods {@code /mcp} serves and what each answers, per revision. Nothing is kept between
 * requests on either: 2026-07-28 is stateless by design, and the handshake revisions get no session
 * id (the specification lets a server leave it out), so no client can make the server hold memory
 * for it.
 */
@ApplicationScoped
class McpMethods {

  static final String DISCOVER = "server/discover";
  static final String INITIALIZE = "initialize";
  static final String PING = "ping";
  static final String TOOLS_LIST = "tools/list";
  static final String TOOLS_CALL = "tools/call";

  static final List<String> MODERN = List.of(DISCOVER, TOOLS_LIST, TOOLS_CALL);
  static final List<String> LEGACY = List.of(INITIALIZE, PING, TOOLS_LIST, TOOLS_CALL);
  static final List<String> ALL = List.of(DISCOVER, INITIALIZE, PING, TOOLS_LIST, TOOLS_CALL);

  /**
   * How long a client may reuse a discovery or a tool list: the tool never changes while the
   * process runs, but an upgraded sidecar may describe it differently.
   */
  private static final long CACHE_MILLIS = 300_000;

  private final SessionMcpTool tool;
  private final ObjectMapper mapper;
  private final String version;

  McpMethods(
      SessionMcpTool tool,
      ObjectMapper mapper,
      @ConfigProperty(name = "quarkus.application.version", defaultValue = "dev") String version) {
    this.tool = tool;
    this.mapper = mapper;
    this.version = version;
  }

  /** Answers a request of revision 2026-07-28: every result says it is complete. */
  ObjectNode modern(JsonRpcMessage request) {
    ObjectNode result =
        switch (request.method()) {
          case DISCOVER -> discovery();
          case TOOLS_LIST -> cacheable(tools());
          case TOOLS_CALL -> tool.call(request.params());
          default -> throw JsonRpcError.methodNotFound(request.method(), MODERN, 404);
        };
    ObjectNode complete = mapper.createObjectNode().put("resultType", "complete");
    return complete.setAll(result);
  }

  /** Answers a request of a handshake revision (2024-11-05 to 2025-11-25). */
  ObjectNode legacy(JsonRpcMessage request) {
    return switch (request.method()) {
      case INITIALIZE -> initialize(request.params());
      case PING -> mapper.createObjectNode();
      case TOOLS_LIST -> tools();
      case TOOLS_CALL -> tool.call(request.params());
      default -> throw JsonRpcError.methodNotFound(request.method(), LEGACY, 200);
    };
  }

  private ObjectNode discovery() {
    ObjectNode result = mapper.createObjectNode();
    result.set("supportedVersions", mapper.valueToTree(ProtocolVersions.SUPPORTED));
    result.set("capabilities", capabilities());
    result.set("serverInfo", serverInfo());
    result.putObject("_meta").set("io.modelcontextprotocol/serverInfo", serverInfo());
    return cacheable(result);
  }

  private ObjectNode initialize(ObjectNode params) {
    JsonNode requested = params.get("protocolVersion");
    if (requested == null || !requested.isTextual()) {
      throw JsonRpcError.invalidParams(
          "params.protocolVersion is required: the revision the client speaks, such as "
              + ProtocolVersions.LEGACY.get(0));
    }
    ObjectNode result = mapper.createObjectNode();
    result.put("protocolVersion", ProtocolVersions.negotiate(requested.asText()));
    result.set("capabilities", capabilities());
    result.set("serverInfo", serverInfo());
    return result;
  }

  private ObjectNode tools() {
    ObjectNode result = mapper.createObjectNode();
    result.putArray("tools").add(tool.definition());
    return result;
  }

  private ObjectNode cacheable(ObjectNode result) {
    return result.put("ttlMs", CACHE_MILLIS).put("cacheScope", "public");
  }

  private ObjectNode capabilities() {
    ObjectNode capabilities = mapper.createObjectNode();
    capabilities.putObject("tools").put("listChanged", false);
    return capabilities;
  }

  private ObjectNode serverInfo() {
    return mapper
        .createObjectNode()
        .put("name", "session-sidecar")
        .put("title", "Session sidecar")
        .put("version", version);
  }
}
