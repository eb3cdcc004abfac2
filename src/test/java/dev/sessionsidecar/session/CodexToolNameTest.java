package dev.sessionsidecar.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;

/** One name for a Codex tool, whether telemetry or a rollout reported it. */
class CodexToolNameTest {

  @Test
  void builtInToolsKeepTheirNameAndOthersAreQualifiedByTheirNamespace() {
    assertEquals("exec_command", CodexToolName.of(null, "exec_command"));
    assertEquals("exec_command", CodexToolName.of("functions", "exec_command"));
    assertEquals("mcp__session__session", CodexToolName.of("mcp__session", "session"));
    assertNull(CodexToolName.of("mcp__session", null), "no name, no tool");
  }
}
