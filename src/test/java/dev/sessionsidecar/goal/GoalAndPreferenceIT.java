package dev.sessionsidecar.goal;

import io.quarkus.test.junit.QuarkusIntegrationTest;

@QuarkusIntegrationTest
class GoalAndPreferenceIT extends GoalAndPreferenceTest {}
