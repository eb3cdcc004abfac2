package dev.sessionsidecar.recap;

import io.quarkus.test.junit.QuarkusIntegrationTest;

@QuarkusIntegrationTest
class RecapIT extends RecapTest {}
