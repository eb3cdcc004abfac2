package dev.sessionsidecar.mcp;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;

/**
 * {@code sidecar_mcp_requests_total}: MCP requests answered, by revision, method and outcome, so an
 * operator sees which revision the fleet's agents speak and whether they fail. Tags take only known
 * values (a client cannot mint series): an unknown method counts as {@code other}, a request
 * refused before its revision was known as revision {@code unknown}.
 */
@ApplicationScoped
class McpMetrics {

  private final MeterRegistry registry;

  McpMetrics(MeterRegistry registry) {
    this.registry = registry;
  }

  void answered(String revision, String method, boolean ok) {
    Counter.builder("sidecar.mcp.requests")
        .description("MCP requests answered, by protocol revision, method and outcome")
        .tags(
            "revision",
            known(ProtocolVersions.SUPPORTED, revision, "unknown"),
            "method",
            known(McpMethods.ALL, method, "other"),
            "outcome",
            ok ? "result" : "error")
        .register(registry)
        .increment();
  }

  /** The value when it is one of {@code known} (null is not: immutable lists refuse it). */
  private static String known(List<String> known, String value, String otherwise) {
    return value != null && known.contains(value) ? value : otherwise;
  }
}
