package dev.sessionsidecar.mcp;

/**
 * What {@code /mcp} reads of one POST: the media types, the MCP headers (null when absent) and the
 * body as sent.
 */
record McpHttpRequest(
    String contentType,
    String accept,
    String protocolVersion,
    String mcpMethod,
    String mcpName,
    byte[] body) {}
