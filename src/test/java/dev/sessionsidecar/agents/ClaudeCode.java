package dev.sessionsidecar.agents;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The real Claude Code, installed by the build, set up as a user following the README would: a
 * throwaway home, a project whose {@code .claude/settings.json} is one of the shipped settings
 * files, the shipped telemetry environment, and the sidecar added with {@code claude mcp add}. It
 * talks to the {@link ScriptedModel} and never to the network.
 */
final class ClaudeCode {

  static final String MCP_TOOL = "mcp__session__session";

  private final Path home;
  private final Path project;
  private final ScriptedModel model;
  private final Map<String, String> environment = new HashMap<>();

  private ClaudeCode(Path home, Path project, ScriptedModel model) {
    this.home = home;
    this.project = project;
    this.model = model;
  }

  /**
   * A fresh home and project using the shipped {@code settings} ({@code settings.http.json} or
   * {@code settings.command.json}) and telemetry against the sidecar at {@code sidecarUrl}; its
   * configuration folder (where it writes its transcripts) is {@code config}, as {@code
   * CLAUDE_CONFIG_DIR}. With {@code settings} null: neither hooks nor telemetry, so the sidecar
   * knows of the agent only what it reads in the transcripts.
   */
  static ClaudeCode install(
      Path root, Path config, String settings, String sidecarUrl, ScriptedModel model)
      throws IOException, InterruptedException {
    Path home = Files.createDirectories(root.resolve("home"));
    Path project = Files.createDirectories(root.resolve("project").resolve(".claude")).getParent();
    ClaudeCode claude = new ClaudeCode(home, project.toRealPath(), model);
    claude.environment.put("CLAUDE_CONFIG_DIR", Files.createDirectories(config).toString());
    if (settings != null) {
      Files.writeString(
          project.resolve(".claude").resolve("settings.json"),
          ShippedFiles.read(settings, sidecarUrl));
      claude.environment.putAll(ShippedFiles.environment("claude-code-telemetry.env", sidecarUrl));
    }
    // The command-hook script reads the sidecar's address from here (its default is :8080).
    claude.environment.put("SIDECAR_URL", sidecarUrl);
    AgentRun added =
        claude.command(
            List.of("mcp", "add", "--transport", "http", "session", sidecarUrl + "/mcp"));
    if (added.exitCode() != 0) {
      throw new IllegalStateException("claude mcp add failed: " + added);
    }
    return claude;
  }

  /** The project directory, as the agent reports it in {@code cwd}. */
  Path project() {
    return project;
  }

  /** Sets (or overrides) a variable of the agent's environment. */
  ClaudeCode with(String variable, String value) {
    environment.put(variable, value);
    return this;
  }

  /** {@code claude -p <prompt>} with its stream-json output, the built-in tools allowed. */
  AgentRun prompt(String prompt, String... more) throws IOException, InterruptedException {
    List<String> arguments =
        new ArrayList<>(
            List.of(
                "-p",
                prompt,
                "--output-format",
                "stream-json",
                "--verbose",
                "--allowedTools",
                "Bash Read Agent " + MCP_TOOL));
    arguments.addAll(List.of(more));
    return command(arguments);
  }

  private AgentRun command(List<String> arguments) throws IOException, InterruptedException {
    List<String> command = new ArrayList<>();
    command.add(ShippedFiles.agentCommand("claude").toString());
    command.addAll(arguments);
    Map<String, String> env = new HashMap<>(environment);
    env.put("HOME", home.toString());
    env.put("ANTHROPIC_BASE_URL", model.baseUrl());
    env.put("ANTHROPIC_API_KEY", "sk-ant-scripted-model");
    env.put("DISABLE_AUTOUPDATER", "1");
    env.put("CLAUDE_CODE_DISABLE_NONESSENTIAL_TRAFFIC", "1");
    return AgentRun.of(command, project, env);
  }
}
