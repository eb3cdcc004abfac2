package dev.sessionsidecar.insight;

import io.quarkus.test.junit.QuarkusIntegrationTest;

@QuarkusIntegrationTest
class InsightIT extends InsightTest {}
