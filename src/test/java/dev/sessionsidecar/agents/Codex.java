package dev.sessionsidecar.agents;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The real Codex CLI, installed by the build, set up as a user following {@code
 * deploy/hooks/codex/README.md} would: a throwaway {@code CODEX_HOME} holding the shipped {@code
 * hooks.json} and {@code config.toml} (plus a model provider that is the {@link ScriptedModel}),
 * the hooks trusted with the shipped {@code trust-hooks.mjs} unless a test wants them untrusted.
 */
final class Codex {

  static final String MODEL = "gpt-5.1-codex";
  static final String MCP_TOOL = "mcp__session/session";

  private final Path home;
  private final Path project;
  private final String sidecarUrl;

  private final List<String> features = new ArrayList<>();

  private Codex(Path home, Path project, String sidecarUrl) {
    this.home = home;
    this.project = project;
    this.sidecarUrl = sidecarUrl;
  }

  /** A fresh {@code CODEX_HOME} and project against the sidecar at {@code sidecarUrl}. */
  static Codex install(Path root, String sidecarUrl, ScriptedModel model) throws IOException {
    Path home = Files.createDirectories(root.resolve("codex-home"));
    Path project = Files.createDirectories(root.resolve("project")).toRealPath();
    Files.writeString(
        home.resolve("hooks.json"), ShippedFiles.read("codex/hooks.json", sidecarUrl));
    // Top-level keys come before the shipped file's tables; the provider is a table of its own.
    Files.writeString(
        home.resolve("config.toml"),
        "model = \""
            + MODEL
            + "\"\nmodel_provider = \"scripted\"\n\n"
            + ShippedFiles.read("codex/config.toml", sidecarUrl)
            + "\n[model_providers.scripted]\nname = \"scripted\"\nbase_url = \""
            + model.baseUrl()
            + "/v1\"\nenv_key = \"SCRIPTED_MODEL_KEY\"\nwire_api = \"responses\"\n");
    return new Codex(home, project, sidecarUrl);
  }

  Path project() {
    return project;
  }

  /** Trusts the sidecar's hooks as the README says: {@code node trust-hooks.mjs <codex>}. */
  String trustHooks() throws IOException, InterruptedException {
    AgentRun trusted =
        AgentRun.of(
            List.of(
                "node",
                ShippedFiles.HOOKS.resolve("codex").resolve("trust-hooks.mjs").toString(),
                ShippedFiles.agentCommand("codex").toString()),
            project,
            environment());
    if (trusted.exitCode() != 0) {
      throw new IllegalStateException("trust-hooks.mjs failed: " + trusted);
    }
    return trusted.stderr();
  }

  /** Runs every later command with {@code --enable <feature>}. */
  void enable(String feature) {
    features.add(feature);
  }

  /** {@code codex exec --json <prompt>}, sandboxed to the project. */
  AgentRun exec(String prompt) throws IOException, InterruptedException {
    return command(List.of(prompt));
  }

  /** {@code codex exec resume <thread> --json <prompt>}. */
  AgentRun resume(String threadId, String prompt) throws IOException, InterruptedException {
    return command(List.of("resume", threadId, prompt));
  }

  private AgentRun command(List<String> arguments) throws IOException, InterruptedException {
    List<String> command =
        new ArrayList<>(
            List.of(
                ShippedFiles.agentCommand("codex").toString(),
                "exec",
                "--json",
                "--skip-git-repo-check",
                "--sandbox",
                "workspace-write"));
    features.forEach(feature -> command.addAll(List.of("--enable", feature)));
    command.addAll(arguments);
    return AgentRun.of(command, project, environment());
  }

  private Map<String, String> environment() {
    Map<String, String> env = new HashMap<>();
    env.put("CODEX_HOME", home.toString());
    env.put("SCRIPTED_MODEL_KEY", "sk-scripted-model");
    // The command-hook script reads the sidecar's address from here (its default is :8080).
    env.put("SIDECAR_URL", sidecarUrl);
    return env;
  }
}
