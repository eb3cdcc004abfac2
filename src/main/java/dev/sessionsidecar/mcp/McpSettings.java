package dev.sessionsidecar.mcp;

import io.smallrye.config.ConfigMapping;
import java.util.List;
import java.util.Optional;

/** MCP endpoint settings, under {@code sidecar.mcp.}. */
@ConfigMapping(prefix = "sidecar.mcp")
public interface McpSettings {

  /** Browser origins allowed to call /mcp besides localhost, e.g. {@code https://ui.example}. */
  Optional<List<String>> allowedOrigins();
}
