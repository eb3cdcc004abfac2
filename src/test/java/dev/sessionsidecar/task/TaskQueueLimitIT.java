package dev.sessionsidecar.task;

import io.quarkus.test.junit.QuarkusIntegrationTest;

@QuarkusIntegrationTest
class TaskQueueLimitIT extends TaskQueueLimitTest {}
