package dev.sessionsidecar.platform;

import io.quarkus.test.junit.QuarkusIntegrationTest;

@QuarkusIntegrationTest
class HttpProblemIT extends HttpProblemTest {}
