package dev.sessionsidecar.mcp;

import java.util.List;

/**
 * The MCP revisions {@code /mcp} serves: the stateless 2026-07-28, where every request carries its
 * version, and the handshake revisions before it, chosen once by {@code initialize}.
 */
final class ProtocolVersions {

  static final String MODERN = "2026-07-28";

  /** Handshake revisions, newest first: the first is the answer to one the server does not know. */
  static final List<String> LEGACY =
      List.of("2025-11-25", "2025-06-18", "2025-03-26", "2024-11-05");

  static final List<String> SUPPORTED =
      List.of(MODERN, LEGACY.get(0), LEGACY.get(1), LEGACY.get(2), LEGACY.get(3));

  /** What a handshake-era request without a version header speaks, as the specification says. */
  static final String WITHOUT_HEADER = "2025-03-26";

  /** Where a request's {@code _meta} names its revision on 2026-07-28. */
  static final String VERSION_META = "io.modelcontextprotocol/protocolVersion";

  static final String CAPABILITIES_META = "io.modelcontextprotocol/clientCapabilities";

  private ProtocolVersions() {}

  static boolean isLegacy(String version) {
    return LEGACY.contains(version);
  }

  /** What {@code initialize} agrees to: the client's revision when served, else the newest. */
  static String negotiate(String requested) {
    return isLegacy(requested) ? requested : LEGACY.get(0);
  }
}
