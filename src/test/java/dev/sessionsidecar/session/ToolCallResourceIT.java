package dev.sessionsidecar.session;

import io.quarkus.test.junit.QuarkusIntegrationTest;

@QuarkusIntegrationTest
class ToolCallResourceIT extends ToolCallResourceTest {}
