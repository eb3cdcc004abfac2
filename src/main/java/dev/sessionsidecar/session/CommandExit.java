package dev.sessionsidecar.session;

import java.util.OptionalInt;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The exit code Codex writes into a command's output. Codex 0.171 reports a shell command that
 * exited non-zero as a successful tool call (its hook has no failure event, its telemetry says
 * {@code success=true}); the only sign is a header line of the output the model reads:
 *
 * <pre>
 * Chunk ID: 51b45c
 * Wall time: 0.7988 seconds
 * Process exited with code 3
 * Original token count: 16
 * Output:
 * ...
 * </pre>
 *
 * Only the header, the lines before {@code Output:}, is read, so that a command that prints such a
 * line itself is not mistaken for a failure.
 */
public final class CommandExit {

  private static final Pattern HEADER_LINE =
      Pattern.compile("^Process exited with code (-?\\d{1,9})$", Pattern.MULTILINE);

  private CommandExit() {}

  /** The exit code the output's header reports, if it has such a header. */
  public static OptionalInt of(String output) {
    if (output == null) {
      return OptionalInt.empty();
    }
    int body = output.indexOf("\nOutput:");
    if (body < 0) {
      return OptionalInt.empty();
    }
    Matcher line = HEADER_LINE.matcher(output.substring(0, body));
    return line.find() ? OptionalInt.of(Integer.parseInt(line.group(1))) : OptionalInt.empty();
  }

  /**
   * The error a Codex tool result is recorded with, null when it succeeded: the non-zero exit its
   * output reports, else, when its source said it failed, what it answered (or {@code failed}).
   * Telemetry and rollouts decide it alike.
   */
  public static String errorOf(String output, boolean reportedFailed) {
    String exit = failureOf(output);
    if (exit != null || !reportedFailed) {
      return exit;
    }
    return output != null ? output : "failed";
  }

  /**
   * The error a failed command is recorded with: its exit code and what it printed, when the output
   * reports a non-zero exit; null when it reports none or exit code 0.
   */
  public static String failureOf(String output) {
    OptionalInt code = of(output);
    if (code.isEmpty() || code.getAsInt() == 0) {
      return null;
    }
    int body = output.indexOf("\nOutput:");
    String printed = output.substring(body + "\nOutput:".length()).strip();
    return "exit code " + code.getAsInt() + (printed.isEmpty() ? "" : ": " + printed);
  }
}
