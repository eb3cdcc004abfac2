package dev.sessionsidecar.mcp;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.modelcontextprotocol.client.McpClient;
import io.modelcontextprotocol.client.McpSyncClient;
import io.modelcontextprotocol.client.transport.HttpClientSseClientTransport;
import io.modelcontextprotocol.spec.McpSchema;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import java.net.URL;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** With {@code sidecar.mcp.legacy-sse=true}, a client of the old HTTP+SSE transport is served. */
@QuarkusTest
@TestProfile(LegacySseTransportTest.Opened.class)
class LegacySseTransportTest {

  /** The legacy transport switched on. */
  public static class Opened implements QuarkusTestProfile {
    @Override
    public Map<String, String> getConfigOverrides() {
      return Map.of("sidecar.mcp.legacy-sse", "true");
    }
  }

  @TestHTTPResource("/")
  URL root;

  @Test
  void anSseClientInitializesAndListsTheSessionTool() {
    McpSyncClient client =
        McpClient.sync(
                HttpClientSseClientTransport.builder(root.toString().replaceAll("/$", ""))
                    .sseEndpoint("/mcp/sse")
                    .build())
            .requestTimeout(Duration.ofSeconds(20))
            .build();
    try {
      client.initialize();
      List<McpSchema.Tool> tools = client.listTools().tools();
      assertEquals(List.of("session"), tools.stream().map(McpSchema.Tool::name).toList());
    } finally {
      client.closeGracefully();
    }
  }
}
