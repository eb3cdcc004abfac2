package dev.sessionsidecar.mcp;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A JSON-RPC error the MCP door answers with: the code the specification names, a message that says
 * what was wrong and what is allowed, and the HTTP status the transport asks for.
 */
final class JsonRpcError extends RuntimeException {

  static final int PARSE_ERROR = -32700;
  static final int INVALID_REQUEST = -32600;
  static final int METHOD_NOT_FOUND = -32601;
  static final int INVALID_PARAMS = -32602;
  static final int HEADER_MISMATCH = -32020;
  static final int UNSUPPORTED_PROTOCOL_VERSION = -32022;

  private final int code;
  private final int status;
  private final transient Object data;

  private JsonRpcError(int code, int status, String message, Object data) {
    super(message, null, false, false);
    this.code = code;
    this.status = status;
    this.data = data;
  }

  static JsonRpcError parse(String message) {
    return new JsonRpcError(PARSE_ERROR, 400, "Parse error: " + message, null);
  }

  static JsonRpcError invalidRequest(String message) {
    return new JsonRpcError(INVALID_REQUEST, 400, "Invalid request: " + message, null);
  }

  /** An HTTP-level refusal (media types) that still carries a JSON-RPC body a client can read. */
  static JsonRpcError invalidRequest(int status, String message) {
    return new JsonRpcError(INVALID_REQUEST, status, "Invalid request: " + message, null);
  }

  static JsonRpcError invalidParams(String message) {
    return new JsonRpcError(INVALID_PARAMS, 200, "Invalid params: " + message, null);
  }

  /** An unknown method: 404 on the 2026-07-28 revision, a plain JSON-RPC error before it. */
  static JsonRpcError methodNotFound(String method, List<String> served, int status) {
    return new JsonRpcError(
        METHOD_NOT_FOUND,
        status,
        "Method not found: " + method + "; this server serves " + String.join(", ", served),
        null);
  }

  static JsonRpcError headerMismatch(String message) {
    return new JsonRpcError(HEADER_MISMATCH, 400, "Header mismatch: " + message, null);
  }

  static JsonRpcError unsupportedVersion(String requested) {
    return new JsonRpcError(
        UNSUPPORTED_PROTOCOL_VERSION,
        400,
        "Unsupported protocol version",
        new LinkedHashMap<>(
            Map.of("supported", ProtocolVersions.SUPPORTED, "requested", requested)));
  }

  int code() {
    return code;
  }

  int status() {
    return status;
  }

  /** The {@code error} member of the response; {@code data} only when there is some. */
  Map<String, Object> body() {
    Map<String, Object> error = new LinkedHashMap<>();
    error.put("code", code);
    error.put("message", getMessage());
    if (data != null) {
      error.put("data", data);
    }
    return error;
  }
}
