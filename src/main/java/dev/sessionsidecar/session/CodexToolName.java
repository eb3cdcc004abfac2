package dev.sessionsidecar.session;

/**
 * How a Codex tool is named, whichever source reports it: its own name for Codex's built-in tools
 * (namespace {@code functions}, or none), {@code <namespace>__<name>} for an MCP server's ({@code
 * mcp__session__session}), as the model's API names them.
 */
public final class CodexToolName {

  /** The namespace of Codex's own tools. */
  private static final String BUILT_IN = "functions";

  private CodexToolName() {}

  /** The tool's name; null when the name is missing. */
  public static String of(String namespace, String name) {
    return name == null || namespace == null || namespace.equals(BUILT_IN)
        ? name
        : namespace + "__" + name;
  }
}
