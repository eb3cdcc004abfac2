package dev.sessionsidecar.mcp;

import com.fasterxml.jackson.databind.JsonNode;
import dev.sessionsidecar.platform.PlainText;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * The 2026-07-28 rules for a request's HTTP headers: {@code MCP-Protocol-Version}, {@code
 * Mcp-Method} and (for {@code tools/call}) {@code Mcp-Name} are required and must say what the body
 * says, since a gateway may route on the header while the server acts on the body.
 */
final class ModernHeaders {

  private static final String SENTINEL_START = "=?base64?";
  private static final String SENTINEL_END = "?=";

  private ModernHeaders() {}

  /**
   * Checks the version the request declares, in its header and its {@code _meta}: an unknown one is
   * {@code UnsupportedProtocolVersion}, a missing or different one {@code HeaderMismatch}.
   */
  static void checkVersion(McpHttpRequest http, JsonRpcMessage message) {
    String header = http.protocolVersion();
    if (header == null) {
      throw JsonRpcError.headerMismatch(
          "the MCP-Protocol-Version header is required on every request of revision "
              + ProtocolVersions.MODERN);
    }
    if (!ProtocolVersions.SUPPORTED.contains(header)) {
      throw JsonRpcError.unsupportedVersion(header);
    }
    JsonNode declared = message.meta().get(ProtocolVersions.VERSION_META);
    if (declared == null || !declared.isTextual() || !header.equals(declared.asText())) {
      throw JsonRpcError.headerMismatch(
          "MCP-Protocol-Version is "
              + header
              + " but params._meta[\""
              + ProtocolVersions.VERSION_META
              + "\"] is "
              + (declared == null ? "missing" : PlainText.oneLine(declared.toString(), 60))
              + "; the two must be equal");
    }
  }

  /** Checks {@code Mcp-Method}, and {@code Mcp-Name} where the method names a tool. */
  static void checkRouting(McpHttpRequest http, JsonRpcMessage message) {
    same("Mcp-Method", http.mcpMethod(), "method", message.method());
    if (McpMethods.TOOLS_CALL.equals(message.method())) {
      JsonNode name = message.params().get("name");
      String bodyName = name != null && name.isTextual() ? name.asText() : null;
      same("Mcp-Name", decoded(http.mcpName()), "params.name", bodyName);
    }
  }

  private static void same(String header, String headerValue, String member, String bodyValue) {
    if (headerValue == null) {
      throw JsonRpcError.headerMismatch(
          "the " + header + " header is required and must equal the body's " + member);
    }
    if (!headerValue.equals(bodyValue)) {
      throw JsonRpcError.headerMismatch(
          header
              + " is '"
              + PlainText.oneLine(headerValue, 60)
              + "' but the body's "
              + member
              + " is "
              + (bodyValue == null ? "missing" : "'" + PlainText.oneLine(bodyValue, 60) + "'"));
    }
  }

  /** A header value as sent, or the UTF-8 text inside its {@code =?base64?...?=} sentinel. */
  static String decoded(String value) {
    if (value == null
        || !value.startsWith(SENTINEL_START)
        || !value.endsWith(SENTINEL_END)
        || value.length() < SENTINEL_START.length() + SENTINEL_END.length()) {
      return value;
    }
    String encoded =
        value.substring(SENTINEL_START.length(), value.length() - SENTINEL_END.length());
    try {
      byte[] bytes = Base64.getDecoder().decode(encoded);
      return StandardCharsets.UTF_8
          .newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(bytes))
          .toString();
    } catch (IllegalArgumentException | CharacterCodingException e) {
      throw JsonRpcError.headerMismatch(
          "the header value " + PlainText.oneLine(value, 60) + " is not Base64 of UTF-8 text");
    }
  }
}
