package dev.sessionsidecar.testing;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Prometheus's promtool, through the project's script that installs it when missing. */
public final class Promtool {

  /** What promtool printed and how it ended. */
  public record Outcome(int exitCode, String output) {}

  private Promtool() {}

  /** Runs promtool with the arguments and {@code stdin}; skips the test where it cannot be had. */
  public static Outcome run(String stdin, String... arguments)
      throws IOException, InterruptedException {
    List<String> line = new ArrayList<>(List.of("bash", "src/test/scripts/promtool.sh"));
    line.addAll(List.of(arguments));
    Process process = new ProcessBuilder(line).redirectErrorStream(true).start();
    if (stdin != null) {
      process.getOutputStream().write(stdin.getBytes(StandardCharsets.UTF_8));
    }
    process.getOutputStream().close();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (!process.waitFor(300, TimeUnit.SECONDS)) {
      process.destroyForcibly();
      throw new IllegalStateException("promtool did not finish: " + output);
    }
    assumeTrue(process.exitValue() != 77, output);
    return new Outcome(process.exitValue(), output);
  }
}
