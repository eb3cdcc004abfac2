package dev.sessionsidecar.mcp;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sessionsidecar.platform.PlainText;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.util.Locale;

/**
 * One POST to {@code /mcp}, from bytes to answer: checks the media types, reads one JSON-RPC
 * message strictly, picks the revision the client speaks (2026-07-28 when the request declares it,
 * a handshake revision otherwise) and answers with a result or the JSON-RPC error the specification
 * names. A notification is taken with 202 and runs nothing.
 */
@ApplicationScoped
class McpExchange {

  private static final String JSON = "application/json";

  private final McpMethods methods;
  private final McpMetrics metrics;
  private final ObjectMapper mapper;

  McpExchange(McpMethods methods, McpMetrics metrics, ObjectMapper mapper) {
    this.methods = methods;
    this.metrics = metrics;
    this.mapper = mapper;
  }

  /** What {@code /mcp} sends back: a status and a JSON-RPC body, none for a notification. */
  record Answer(int status, String json) {}

  Answer handle(McpHttpRequest http) {
    JsonNode body = null;
    String revision = null;
    String method = null;
    try {
      checkMediaTypes(http);
      body = parse(http.body());
      JsonRpcMessage message = JsonRpcMessage.of(body);
      method = message.method();
      if (message.isNotification()) {
        return accept(message);
      }
      revision = revisionOf(http, message);
      ObjectNode result = answer(revision, http, message);
      metrics.answered(revision, method, true);
      return new Answer(200, write(response(message.id(), "result", result)));
    } catch (JsonRpcError e) {
      metrics.answered(revision, method, false);
      return new Answer(e.status(), write(error(JsonRpcMessage.answerableId(body), e)));
    }
    // Anything else (the store down) is the sidecar's fault, answered as for every door: a 503
    // problem with Retry-After when storage fails.
  }

  /**
   * The revision a request speaks: 2026-07-28 when its header says so or its {@code _meta} declares
   * a revision that is not a handshake one; else the handshake revision of its header (2025-03-26
   * without one, as the specification allows), or the one {@code initialize} agrees.
   */
  private static String revisionOf(McpHttpRequest http, JsonRpcMessage message) {
    if (McpMethods.INITIALIZE.equals(message.method())) {
      // Opens a handshake revision, whatever version header a probing client sent along.
      return ProtocolVersions.negotiate(message.params().path("protocolVersion").asText());
    }
    JsonNode declared = message.meta().get(ProtocolVersions.VERSION_META);
    String header = http.protocolVersion();
    if (ProtocolVersions.MODERN.equals(header)
        || (declared != null && !ProtocolVersions.isLegacy(declared.asText()))) {
      return ProtocolVersions.MODERN;
    }
    if (header == null) {
      return ProtocolVersions.WITHOUT_HEADER;
    }
    if (!ProtocolVersions.isLegacy(header)) {
      throw JsonRpcError.unsupportedVersion(header);
    }
    return header;
  }

  private ObjectNode answer(String revision, McpHttpRequest http, JsonRpcMessage message) {
    if (!ProtocolVersions.MODERN.equals(revision)) {
      return methods.legacy(message);
    }
    ModernHeaders.checkVersion(http, message);
    ModernHeaders.checkRouting(http, message);
    if (!McpMethods.MODERN.contains(message.method())) {
      throw JsonRpcError.methodNotFound(message.method(), McpMethods.MODERN, 404);
    }
    if (!message.meta().path(ProtocolVersions.CAPABILITIES_META).isObject()) {
      throw JsonRpcError.invalidParams(
          "params._meta[\""
              + ProtocolVersions.CAPABILITIES_META
              + "\"] is required on revision "
              + ProtocolVersions.MODERN
              + ": an object, {} when the client declares none");
    }
    return methods.modern(message);
  }

  private static Answer accept(JsonRpcMessage notification) {
    if (!notification.method().startsWith("notifications/")) {
      throw JsonRpcError.invalidRequest(
          PlainText.oneLine(notification.method(), 60)
              + " is a request, not a notification: give it an \"id\" to get an answer");
    }
    return new Answer(202, null);
  }

  private static void checkMediaTypes(McpHttpRequest http) {
    String type = http.contentType() == null ? "" : http.contentType().toLowerCase(Locale.ROOT);
    if (!type.strip().startsWith(JSON)) {
      throw JsonRpcError.invalidRequest(
          415, "Content-Type must be application/json, one JSON-RPC message per POST");
    }
    if (http.accept() != null && !acceptsJson(http.accept())) {
      throw JsonRpcError.invalidRequest(
          406,
          "this server answers application/json; the Accept header must allow it (clients send"
              + " Accept: application/json, text/event-stream)");
    }
  }

  private static boolean acceptsJson(String accept) {
    for (String range : accept.toLowerCase(Locale.ROOT).split(",")) {
      String type = range.split(";", 2)[0].strip();
      if (type.equals(JSON) || type.equals("application/*") || type.equals("*/*")) {
        return true;
      }
    }
    return false;
  }

  private JsonNode parse(byte[] body) {
    if (body == null || body.length == 0) {
      throw JsonRpcError.parse("the body is empty; send one JSON-RPC 2.0 request");
    }
    try {
      JsonNode node = mapper.readTree(body);
      if (node == null || node.isMissingNode()) {
        throw JsonRpcError.parse("the body holds no JSON value");
      }
      return node;
    } catch (JsonProcessingException e) {
      throw JsonRpcError.parse(PlainText.oneLine(e.getOriginalMessage(), 200));
    } catch (IOException e) {
      throw JsonRpcError.parse("the body could not be read");
    }
  }

  private ObjectNode response(JsonNode id, String member, Object content) {
    ObjectNode response = mapper.createObjectNode().put("jsonrpc", "2.0");
    response.set("id", id);
    response.set(member, mapper.valueToTree(content));
    return response;
  }

  private ObjectNode error(JsonNode id, JsonRpcError error) {
    return response(id, "error", error.body());
  }

  private String write(ObjectNode response) {
    try {
      return mapper.writeValueAsString(response);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("A JSON-RPC answer could not be written", e);
    }
  }
}
