package dev.sessionsidecar.recap;

import io.quarkus.test.junit.QuarkusIntegrationTest;

@QuarkusIntegrationTest
class GoalAndPreferenceIT extends GoalAndPreferenceTest {}
