package dev.sessionsidecar.tool;

import io.quarkus.test.junit.QuarkusIntegrationTest;

@QuarkusIntegrationTest
class EmptySidecarIT extends EmptySidecarTest {}
