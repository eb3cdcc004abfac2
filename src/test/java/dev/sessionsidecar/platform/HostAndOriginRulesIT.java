package dev.sessionsidecar.platform;

import io.quarkus.test.junit.QuarkusIntegrationTest;

@QuarkusIntegrationTest
class HostAndOriginRulesIT extends HostAndOriginRulesTest {}
