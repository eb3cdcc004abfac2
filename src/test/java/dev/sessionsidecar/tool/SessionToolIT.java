package dev.sessionsidecar.tool;

import io.quarkus.test.junit.QuarkusIntegrationTest;

@QuarkusIntegrationTest
class SessionToolIT extends SessionToolTest {}
