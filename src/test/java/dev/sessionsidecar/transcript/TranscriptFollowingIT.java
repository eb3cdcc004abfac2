package dev.sessionsidecar.transcript;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.sessionsidecar.testing.SidecarProcess;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The packaged sidecar following a Claude Code configuration folder through what happens to one in
 * a pod: it appears after the sidecar started, holds sessions from before, grows line by line (a
 * last line half written), gains a subagent, holds lines that are not ours to read or not readable
 * at all, is replaced, and the sidecar is killed and restarted. Lines are in the format Claude Code
 * 2.1.332 writes (the real agent's own files are read in the real-agent tests); here the test
 * controls every byte.
 */
class TranscriptFollowingIT {

  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir Path root;

  @Test
  void followsAFolderThroughItsLifeCountingEveryRequestOnce() throws Exception {
    Path config = root.resolve("claude");
    Path data = root.resolve("data");
    Path cwd = Files.createDirectories(root.resolve("work"));
    SidecarProcess sidecar = start(data, config);
    try {
      String session = UUID.randomUUID().toString();
      Path folder = Files.createDirectories(config.resolve("projects").resolve("-work"));
      Path file = folder.resolve(session + ".jsonl");
      // One response written as two lines (two content blocks), an entry of another type, a line
      // that is not JSON, assistant lines with a broken usage and a count past a long, and a line
      // over 10 MB.
      append(file, assistant(session, cwd, "req_1", 10, 100, 40) + "\n");
      append(file, assistant(session, cwd, "req_1", 10, 100, 40) + "\n");
      append(file, "{\"type\":\"queue-operation\",\"operation\":\"enqueue\"}\n");
      append(file, "not json at all\n");
      append(
          file,
          assistant(session, cwd, "req_bad", 1, 1, 1)
                  .replace("\"output_tokens\":5", "\"output_tokens\":\"five\"")
              + "\n");
      append(
          file,
          assistant(session, cwd, "req_huge", 1, 1, 1)
                  .replace(
                      "\"output_tokens\":5", "\"output_tokens\":1000000000000000000000000000000")
              + "\n");
      append(file, "{\"type\":\"assistant\",\"pad\":\"" + "x".repeat(10_600_000) + "\"}\n");
      append(file, assistant(session, cwd, "req_after", 1, 1, 1) + "\n");
      Map<String, JsonNode> usage = awaitUsage(sidecar, session, u -> u.size() == 2);
      JsonNode first = usage.get("req_1");
      assertEquals(10 + 100 + 40, first.path("input_tokens").asLong(), first.toString());
      assertEquals(40, first.path("cache_write_tokens").asLong());
      assertEquals(30, first.path("cache_write_1h_tokens").asLong());
      assertEquals("agent", first.path("role").asText());
      JsonNode recorded = json(sidecar.get(sidecar.apiUrl("/v1/sessions/" + session)).body());
      assertEquals(cwd.toString(), recorded.path("project").path("path").asText());
      assertEquals("claude-code", recorded.path("client").asText());
      assertEquals(
          Set.of("req_1", "req_after"), usage.keySet(), "the good lines around the bad ones");
      assertEquals(
          4.0,
          metric(sidecar, "sidecar_transcript_lines_total{outcome=\"skipped\"}"),
          "not JSON, broken usage, a count past a long, over 10 MB");

      // A last line still being written waits for its end.
      String half = assistant(session, cwd, "req_2", 1, 2, 0);
      append(file, half.substring(0, 40));
      Thread.sleep(2500);
      assertEquals(2, usage(sidecar, session).size(), "half a line is not read");
      Instant completed = Instant.now();
      append(file, half.substring(40) + "\n");
      awaitUsage(sidecar, session, u -> u.containsKey("req_2"));
      System.out.println(
          "a completed line was recorded after " + Duration.between(completed, Instant.now()));

      // A subagent's file: its requests are the parent session's, made by the subagent.
      Path subagents = Files.createDirectories(folder.resolve(session).resolve("subagents"));
      Files.writeString(
          subagents.resolve("agent-a1.meta.json"), "{\"agentType\":\"Explore\",\"model\":\"m\"}");
      append(subagents.resolve("agent-a1.jsonl"), assistant(session, cwd, "req_3", 1, 0, 0) + "\n");
      JsonNode sub = awaitUsage(sidecar, session, u -> u.containsKey("req_3")).get("req_3");
      assertEquals(
          "subagent:explore", sub.path("role").asText(), "stored lower-cased, as roles are");
      // One whose file comes before its meta file waits for it, and is read once it is written
      // (well before the next rescan of everything, 30 s away).
      append(
          subagents.resolve("agent-a2.jsonl"), assistant(session, cwd, "req_3b", 1, 0, 0) + "\n");
      Thread.sleep(1500);
      assertTrue(!usage(sidecar, session).containsKey("req_3b"), "not before its type is known");
      Files.writeString(
          subagents.resolve("agent-a2.meta.json"), "{\"agentType\":\"Plan\",\"model\":\"m\"}");
      JsonNode late = awaitUsage(sidecar, session, u -> u.containsKey("req_3b")).get("req_3b");
      assertEquals("subagent:plan", late.path("role").asText());

      // A link out of the folder and an unreadable file are skipped, the rest read on.
      Path outside =
          Files.writeString(
              root.resolve("outside.jsonl"), assistant(session, cwd, "req_out", 1, 0, 0) + "\n");
      Files.createSymbolicLink(folder.resolve("link.jsonl"), outside);

      // A tool call starts; one whose name breaks the tool-call API's rules is skipped.
      append(file, toolUse(session, cwd, "req_tool", "toolu_1", "Bash") + "\n");
      append(file, toolUse(session, cwd, "req_tool2", "toolu_2", "Ba\\u0007sh") + "\n");
      awaitUsage(sidecar, session, u -> u.containsKey("req_tool"));
      assertEquals(5.0, metric(sidecar, "sidecar_transcript_lines_total{outcome=\"skipped\"}"));
      String page = sidecar.get(sidecar.apiUrl("/")).body();
      assertTrue(page.contains("<code>claude-code " + config + "</code>"), page);
      assertTrue(page.contains("<strong class=\"warning\">5 skipped</strong>"), page);

      // kill -9, then a restart: nothing is counted twice, and reading goes on from where it was;
      // the result of the call started before it completes that call.
      sidecar.kill();
      append(file, assistant(session, cwd, "req_4", 1, 0, 0) + "\n");
      append(file, toolResult(session, cwd, "toolu_1", "Exit code 1") + "\n");
      sidecar = start(data, config);
      Map<String, JsonNode> after = awaitUsage(sidecar, session, u -> u.containsKey("req_4"));
      assertEquals(7, after.size(), after.keySet().toString());
      JsonNode call = awaitFailedCall(sidecar, session);
      assertEquals("toolu_1", call.path("call_id").asText(), call.toString());
      assertEquals("Bash", call.path("tool").asText());
      assertEquals("false", call.path("arguments").path("command").asText());
      assertEquals("Exit code 1", call.path("error").asText());

      // The file replaced by a copy with one more request: read again, each request once.
      Path copy = root.resolve("copy.jsonl");
      Files.copy(file, copy);
      append(copy, assistant(session, cwd, "req_5", 1, 0, 0) + "\n");
      Files.move(copy, file, StandardCopyOption.REPLACE_EXISTING);
      Map<String, JsonNode> replaced = awaitUsage(sidecar, session, u -> u.containsKey("req_5"));
      assertEquals(8, replaced.size(), replaced.keySet().toString());
      assertTrue(!replaced.containsKey("req_out"), "a link out of the folder is not followed");
      assertTrue(metric(sidecar, "sidecar_transcript_files_skipped_total") >= 1);
      assertEquals(0, Files.readString(outside).indexOf('{'), "the folder's files are only read");
    } finally {
      sidecar.stop();
    }
  }

  @Test
  void unreadableFilesAndFoldersAreSkippedAndReadOnceTheyCanBe() throws Exception {
    // The sidecar runs as a user these modes apply to (nobody when the tests run as root), who
    // can reach the folders and write its data directory.
    Files.setPosixFilePermissions(root, PosixFilePermissions.fromString("rwxr-xr-x"));
    Path data = Files.createDirectories(root.resolve("data"));
    Files.setPosixFilePermissions(data, PosixFilePermissions.fromString("rwxrwxrwx"));
    Path config = root.resolve("claude");
    Path cwd = Files.createDirectories(root.resolve("work"));
    Path open = Files.createDirectories(config.resolve("projects").resolve("-work"));
    Path closed = Files.createDirectories(config.resolve("projects").resolve("-closed"));
    String readable = UUID.randomUUID().toString();
    String inLockedFile = UUID.randomUUID().toString();
    String inClosedFolder = UUID.randomUUID().toString();
    append(open.resolve(readable + ".jsonl"), assistant(readable, cwd, "req_open", 1, 0, 0) + "\n");
    Path locked = open.resolve(inLockedFile + ".jsonl");
    append(locked, assistant(inLockedFile, cwd, "req_locked", 1, 0, 0) + "\n");
    append(
        closed.resolve(inClosedFolder + ".jsonl"),
        assistant(inClosedFolder, cwd, "req_closed", 1, 0, 0) + "\n");
    Files.setPosixFilePermissions(locked, Set.of());
    Files.setPosixFilePermissions(closed, Set.of());
    SidecarProcess sidecar =
        SidecarProcess.startUnprivileged(
                data,
                Map.of(
                    "SIDECAR_TRANSCRIPTS_CLAUDE_CODE",
                    config.toString(),
                    "SIDECAR_TRANSCRIPTS_RESCAN_INTERVAL",
                    "1S"))
            .awaitReady();
    try {
      awaitUsage(sidecar, readable, u -> u.containsKey("req_open"));
      sidecar.awaitOutput(locked + " skipped: unreadable", Duration.ofSeconds(10));
      sidecar.awaitOutput(closed + " skipped: unreadable", Duration.ofSeconds(10));
      assertEquals(2.0, metric(sidecar, "sidecar_transcript_files_skipped_total"));
      assertTrue(usage(sidecar, inLockedFile).isEmpty());
      assertTrue(usage(sidecar, inClosedFolder).isEmpty());
      assertEquals(
          200,
          sidecar.get(sidecar.managementUrl("/q/health/ready")).statusCode(),
          "a folder the sidecar may not read is not a failure of its storage");

      // Readable now: read at the next look, each once, and not counted as skipped again.
      Files.setPosixFilePermissions(locked, PosixFilePermissions.fromString("rw-r--r--"));
      Files.setPosixFilePermissions(closed, PosixFilePermissions.fromString("rwxr-xr-x"));
      awaitUsage(sidecar, inLockedFile, u -> u.containsKey("req_locked"));
      awaitUsage(sidecar, inClosedFolder, u -> u.containsKey("req_closed"));
      assertEquals(2.0, metric(sidecar, "sidecar_transcript_files_skipped_total"));
      assertEquals(3.0, metric(sidecar, "sidecar_transcript_lines_total{outcome=\"read\"}"));
    } finally {
      sidecar.stop();
    }
  }

  @Test
  void aFolderWithoutTranscriptsIsWatchedAloneUntilTheyAppear() throws Exception {
    // Set to a home by mistake, or before the agent's first session: many folders, no projects/.
    Path config = root.resolve("home");
    for (int i = 0; i < 40; i++) {
      Files.createDirectories(config.resolve("node_modules").resolve("pkg" + i).resolve("lib"));
    }
    SidecarProcess sidecar = start(root.resolve("data"), config);
    try {
      Thread.sleep(3000);
      assertEquals(1, inotifyWatches(sidecar), "the folder itself, not the 81 under it");
      String session = UUID.randomUUID().toString();
      Path cwd = Files.createDirectories(root.resolve("work"));
      Path folder = Files.createDirectories(config.resolve("projects").resolve("-work"));
      append(folder.resolve(session + ".jsonl"), assistant(session, cwd, "req_1", 1, 0, 0) + "\n");
      awaitUsage(sidecar, session, u -> u.containsKey("req_1"));
    } finally {
      sidecar.stop();
    }
  }

  /** How many inotify watches the sidecar's process holds (Linux's /proc tells). */
  private static long inotifyWatches(SidecarProcess sidecar) throws IOException {
    long watches = 0;
    Path fdinfo = Path.of("/proc", Long.toString(sidecar.process().pid()), "fdinfo");
    try (var descriptors = Files.list(fdinfo)) {
      for (Path descriptor : descriptors.toList()) {
        try {
          watches +=
              Files.readAllLines(descriptor).stream()
                  .filter(l -> l.startsWith("inotify wd"))
                  .count();
        } catch (IOException closedMeanwhile) {
          // not a watch
        }
      }
    }
    return watches;
  }

  private static SidecarProcess start(Path data, Path config) throws Exception {
    Map<String, String> env = new HashMap<>();
    env.put("SIDECAR_TRANSCRIPTS_CLAUDE_CODE", config.toString());
    return SidecarProcess.start(data, env).awaitReady();
  }

  /** An assistant line as Claude Code writes one content block of a response. */
  private static String assistant(
      String session, Path cwd, String request, long input, long cacheRead, long cacheWrite) {
    long oneHour = cacheWrite * 3 / 4;
    return "{\"parentUuid\":null,\"isSidechain\":false,\"message\":{\"id\":\"msg_"
        + request
        + "\",\"type\":\"message\",\"role\":\"assistant\",\"model\":\"claude-sonnet-4-5\","
        + "\"content\":[{\"type\":\"text\",\"text\":\"hello\"}],\"usage\":{\"input_tokens\":"
        + input
        + ",\"cache_creation_input_tokens\":"
        + cacheWrite
        + ",\"cache_read_input_tokens\":"
        + cacheRead
        + ",\"output_tokens\":5,\"cache_creation\":{\"ephemeral_1h_input_tokens\":"
        + oneHour
        + ",\"ephemeral_5m_input_tokens\":"
        + (cacheWrite - oneHour)
        + "},\"service_tier\":\"standard\"}},\"requestId\":\""
        + request
        + "\",\"type\":\"assistant\","
        + writtenNow(cwd, session)
        + ",\"version\":\"2.1.332\"}";
  }

  /** The fields every line of a session carries: its id, when and where it was written. */
  private static String writtenNow(Path cwd, String session) {
    return "\"uuid\":\""
        + UUID.randomUUID()
        + "\",\"timestamp\":\""
        + Instant.now()
        + "\",\"cwd\":\""
        + cwd
        + "\",\"sessionId\":\""
        + session
        + "\"";
  }

  /** An assistant line whose content block starts a tool call. */
  private static String toolUse(String session, Path cwd, String request, String id, String tool) {
    return assistant(session, cwd, request, 1, 0, 0)
        .replace(
            "{\"type\":\"text\",\"text\":\"hello\"}",
            "{\"type\":\"tool_use\",\"id\":\""
                + id
                + "\",\"name\":\""
                + tool
                + "\",\"input\":{\"command\":\"false\"}}");
  }

  /** A user line with a failed tool call's result, as Claude Code writes one. */
  private static String toolResult(String session, Path cwd, String id, String said) {
    return "{\"type\":\"user\",\"message\":{\"role\":\"user\",\"content\":[{\"tool_use_id\":\""
        + id
        + "\",\"type\":\"tool_result\",\"content\":\""
        + said
        + "\",\"is_error\":true}]},"
        + writtenNow(cwd, session)
        + "}";
  }

  /** The session's one tool call once it is recorded as failed. */
  private static JsonNode awaitFailedCall(SidecarProcess sidecar, String session) throws Exception {
    Instant deadline = Instant.now().plusSeconds(20);
    JsonNode items = null;
    while (Instant.now().isBefore(deadline)) {
      var response = sidecar.get(sidecar.apiUrl("/v1/sessions/" + session + "/tool-calls"));
      items = json(response.body()).path("items");
      if (items.size() == 1 && !items.get(0).path("ok").asBoolean(true)) {
        return items.get(0);
      }
      Thread.sleep(100);
    }
    throw new AssertionError("no failed call in " + items);
  }

  private static void append(Path file, String text) throws IOException {
    Files.writeString(
        file, text, StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
  }

  private static Map<String, JsonNode> awaitUsage(
      SidecarProcess sidecar, String session, Predicate<Map<String, JsonNode>> done)
      throws Exception {
    Instant deadline = Instant.now().plusSeconds(20);
    Map<String, JsonNode> usage = Map.of();
    while (Instant.now().isBefore(deadline)) {
      usage = usage(sidecar, session);
      if (done.test(usage)) {
        return usage;
      }
      Thread.sleep(100);
    }
    throw new AssertionError("usage of " + session + " never got there: " + usage.keySet());
  }

  private static Map<String, JsonNode> usage(SidecarProcess sidecar, String session)
      throws Exception {
    var response = sidecar.get(sidecar.apiUrl("/v1/usage?limit=1000&session=" + session));
    Map<String, JsonNode> byRequest = new HashMap<>();
    if (response.statusCode() == 200) {
      for (JsonNode item : json(response.body()).path("items")) {
        byRequest.put(item.path("request_id").asText(), item);
      }
    }
    return byRequest;
  }

  private static double metric(SidecarProcess sidecar, String series) throws Exception {
    for (String line : sidecar.get(sidecar.managementUrl("/q/metrics")).body().split("\n")) {
      if (line.startsWith(series + " ")) {
        return Double.parseDouble(line.substring(series.length() + 1).trim());
      }
    }
    throw new AssertionError(series + " is not on the metrics page");
  }

  private static JsonNode json(String text) throws IOException {
    return JSON.readTree(text);
  }
}
