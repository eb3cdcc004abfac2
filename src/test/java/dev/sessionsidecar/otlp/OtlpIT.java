package dev.sessionsidecar.otlp;

import io.quarkus.test.junit.QuarkusIntegrationTest;

@QuarkusIntegrationTest
class OtlpIT extends OtlpTest {}
