package dev.sessionsidecar.mcp;

import io.quarkus.test.junit.QuarkusIntegrationTest;

@QuarkusIntegrationTest
class McpIT extends McpTest {}
