package dev.sessionsidecar.usage;

import io.quarkus.test.junit.QuarkusIntegrationTest;

@QuarkusIntegrationTest
class UsageIT extends UsageTest {}
