package dev.sessionsidecar.platform;

import io.quarkus.test.junit.QuarkusIntegrationTest;

@QuarkusIntegrationTest
class HealthAndApiDescriptionIT extends HealthAndApiDescriptionTest {}
