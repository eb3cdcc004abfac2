package dev.sessionsidecar.mcp;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sessionsidecar.platform.PlainText;
import java.util.Iterator;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * One JSON-RPC 2.0 message a client sent: a request ({@code id} given) or a notification. Anything
 * else (a batch, a response, a wrong-typed member) is refused with the error JSON-RPC names, since
 * a server that guesses runs what the client never asked for.
 */
record JsonRpcMessage(JsonNode id, String method, ObjectNode params) {

  /** Ids are echoed in the answer: printable text only, as for every id of the sidecar. */
  private static final Pattern PRINTABLE = Pattern.compile(PlainText.PATTERN);

  private static final Set<String> MEMBERS = Set.of("jsonrpc", "id", "method", "params");

  boolean isNotification() {
    return id == null;
  }

  /** The request's {@code params._meta}, empty when it has none. */
  ObjectNode meta() {
    JsonNode meta = params.get("_meta");
    return meta instanceof ObjectNode object ? object : JsonNodeFactory.instance.objectNode();
  }

  /** Reads a parsed body as one message, or says what JSON-RPC allows instead. */
  static JsonRpcMessage of(JsonNode body) {
    if (body.isArray()) {
      throw JsonRpcError.invalidRequest(
          "a batch (JSON array) is not accepted; send each request as its own POST, one JSON"
              + " object");
    }
    if (!body.isObject()) {
      throw JsonRpcError.invalidRequest("the body must be one JSON-RPC 2.0 request, a JSON object");
    }
    JsonNode version = body.get("jsonrpc");
    if (version == null || !version.isTextual() || !"2.0".equals(version.asText())) {
      throw JsonRpcError.invalidRequest("\"jsonrpc\" must be the string \"2.0\"");
    }
    if (body.has("result") || body.has("error")) {
      throw JsonRpcError.invalidRequest(
          "this server sends no requests, so it takes no responses; send requests only");
    }
    for (Iterator<String> names = body.fieldNames(); names.hasNext(); ) {
      String name = names.next();
      if (!MEMBERS.contains(name)) {
        throw JsonRpcError.invalidRequest(
            "unknown member \""
                + PlainText.oneLine(name, 60)
                + "\"; a request has jsonrpc, id, method and params");
      }
    }
    JsonNode method = body.get("method");
    if (method == null || !method.isTextual() || method.asText().isEmpty()) {
      throw JsonRpcError.invalidRequest("\"method\" must be a non-empty string");
    }
    return new JsonRpcMessage(idOf(body), method.asText(), paramsOf(body.get("params")));
  }

  /** The id an error answer carries: the body's when it is a valid one, else none (null). */
  static JsonNode answerableId(JsonNode body) {
    try {
      return body != null && body.isObject() ? idOf(body) : null;
    } catch (JsonRpcError e) {
      return null;
    }
  }

  private static JsonNode idOf(JsonNode body) {
    if (!body.has("id")) {
      return null;
    }
    JsonNode id = body.get("id");
    if (id.isIntegralNumber() || (id.isTextual() && PRINTABLE.matcher(id.asText()).matches())) {
      return id;
    }
    throw JsonRpcError.invalidRequest(
        "\"id\" must be a string of printable text or an integer (MCP allows no null, fraction,"
            + " boolean, array or object id); leave it out only for a notification");
  }

  private static ObjectNode paramsOf(JsonNode params) {
    if (params == null) {
      return JsonNodeFactory.instance.objectNode();
    }
    if (params instanceof ObjectNode object) {
      return object;
    }
    throw JsonRpcError.invalidParams("\"params\" must be a JSON object (MCP uses named params)");
  }
}
