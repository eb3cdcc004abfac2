package dev.sessionsidecar.reliability;

import io.quarkus.test.junit.QuarkusIntegrationTest;

@QuarkusIntegrationTest
class BadInputCorpusIT extends BadInputCorpusTest {}
