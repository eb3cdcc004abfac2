package dev.sessionsidecar.agents;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/**
 * One run of a real agent's command line: its exit code, the JSON events it printed (one per line,
 * Claude Code's {@code stream-json} or Codex's {@code --json}), what it wrote to stderr, and how
 * long it took.
 */
record AgentRun(int exitCode, List<JsonNode> events, String stderr, Duration elapsed) {

  private static final ObjectMapper MAPPER = new ObjectMapper();

  /** Runs the command in {@code directory} with the environment added, for at most 3 minutes. */
  static AgentRun of(List<String> command, Path directory, Map<String, String> environment)
      throws IOException, InterruptedException {
    Path out = Files.createTempFile("agent-out", ".jsonl");
    Path err = Files.createTempFile("agent-err", ".txt");
    ProcessBuilder builder =
        new ProcessBuilder(command)
            .directory(directory.toFile())
            .redirectInput(ProcessBuilder.Redirect.from(Path.of("/dev/null").toFile()))
            .redirectOutput(out.toFile())
            .redirectError(err.toFile());
    builder.environment().putAll(environment);
    Instant started = Instant.now();
    Process process = builder.start();
    if (!process.waitFor(3, TimeUnit.MINUTES)) {
      process.destroyForcibly().waitFor();
      throw new IllegalStateException(
          String.join(" ", command) + " did not finish in 3 minutes:\n" + Files.readString(err));
    }
    Duration elapsed = Duration.between(started, Instant.now());
    List<JsonNode> events = new ArrayList<>();
    for (String line : Files.readAllLines(out)) {
      if (line.startsWith("{")) {
        events.add(MAPPER.readTree(line));
      }
    }
    return new AgentRun(process.exitValue(), events, Files.readString(err), elapsed);
  }

  /** The events of one {@code type}. */
  List<JsonNode> events(String type) {
    return events.stream().filter(e -> type.equals(e.path("type").asText())).toList();
  }

  /** The last event that matches, or a failure that shows what the agent printed. */
  JsonNode last(Predicate<JsonNode> matching) {
    for (int i = events.size() - 1; i >= 0; i--) {
      if (matching.test(events.get(i))) {
        return events.get(i);
      }
    }
    throw new AssertionError("no such event; the agent printed:\n" + this);
  }

  @Override
  public String toString() {
    return "exit " + exitCode + " after " + elapsed + "\n" + events + "\nstderr:\n" + stderr;
  }
}
