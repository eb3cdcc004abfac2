package dev.sessionsidecar.mcp;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Configuration of the MCP door, under {@code sidecar.mcp.}. */
@ConfigMapping(prefix = "sidecar.mcp")
public interface McpConfig {

  /** Serve the legacy HTTP+SSE transport ({@code /mcp/sse}) beside Streamable HTTP. */
  @WithDefault("false")
  boolean legacySse();
}
