package dev.sessionsidecar.session;

import io.quarkus.test.junit.QuarkusIntegrationTest;

@QuarkusIntegrationTest
class IdleSessionIT extends IdleSessionTest {}
