package dev.sessionsidecar.hook;

import io.quarkus.test.junit.QuarkusIntegrationTest;

@QuarkusIntegrationTest
class ClaudeCodeHookIT extends ClaudeCodeHookTest {}
