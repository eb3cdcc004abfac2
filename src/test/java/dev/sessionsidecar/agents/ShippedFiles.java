package dev.sessionsidecar.agents;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The files this project ships for the agents (under {@code deploy/hooks}), read as a user copies
 * them, with only what a test must change changed: the sidecar's address (the shipped files name
 * {@code http://127.0.0.1:8080}) and where the hook script is installed.
 */
final class ShippedFiles {

  static final String SHIPPED_ADDRESS = "http://127.0.0.1:8080";
  static final String SHIPPED_SCRIPT = "/opt/session-sidecar/claude-code-hook.sh";
  static final Path HOOKS = Path.of("deploy", "hooks").toAbsolutePath();
  static final Path SCRIPT = HOOKS.resolve("claude-code-hook.sh");

  private ShippedFiles() {}

  /** A shipped file's text pointed at this sidecar and this checkout's hook script. */
  static String read(String name, String sidecarUrl) {
    try {
      return Files.readString(HOOKS.resolve(name))
          .replace(SHIPPED_ADDRESS, sidecarUrl)
          .replace(SHIPPED_SCRIPT, SCRIPT.toString());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A shipped environment file ({@code KEY=value} lines, {@code #} comments) as a map. */
  static Map<String, String> environment(String name, String sidecarUrl) {
    Map<String, String> variables = new LinkedHashMap<>();
    for (String line : read(name, sidecarUrl).split("\n")) {
      String trimmed = line.strip();
      if (!trimmed.isEmpty() && !trimmed.startsWith("#")) {
        int equals = trimmed.indexOf('=');
        variables.put(trimmed.substring(0, equals), trimmed.substring(equals + 1));
      }
    }
    return variables;
  }

  /** Where the installed agents' commands are (src/test/scripts/install-agents.sh). */
  static Path agentCommand(String name) {
    Path cache = Path.of(System.getProperty("test.agents-dir"));
    String installed =
        "claude-code-"
            + System.getProperty("test.claude-code.version")
            + "_codex-"
            + System.getProperty("test.codex.version")
            + "_ccusage-"
            + System.getProperty("test.ccusage.version");
    return cache.resolve(installed).resolve("node_modules").resolve(".bin").resolve(name);
  }
}
