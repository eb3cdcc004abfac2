package dev.sessionsidecar.fleet;

import io.quarkus.test.junit.QuarkusIntegrationTest;

@QuarkusIntegrationTest
class FleetViewIT extends FleetViewTest {}
