package dev.sessionsidecar.mcp;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.sessionsidecar.testing.SidecarProcess;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * {@code /mcp} driven by MCP clients we did not write, installed by the build
 * (src/test/scripts/install-mcp-clients.sh) against a packaged sidecar: the official TypeScript
 * SDK, 1.x and the 2.x client on both revisions, and MCP Inspector's CLI. Each must read the same
 * text as REST, get typed data only when it asks, and the JSON-RPC error for a tool that is not
 * there.
 */
class McpClientsIT {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Path CLIENTS = Path.of(System.getProperty("test.mcp-clients-dir", "."));

  @TempDir static Path root;
  static SidecarProcess sidecar;
  static String history;

  @BeforeAll
  static void startSidecarWithASession() throws Exception {
    sidecar = SidecarProcess.start(root.resolve("data")).awaitReady();
    post("/v1/sessions", "{\"session_id\":\"mcp-clients\",\"project_path\":\"/src/shop\"}");
    post(
        "/v1/sessions/mcp-clients/tool-calls",
        "{\"call_id\":\"toolu_1\",\"tool\":\"Bash\",\"arguments\":{\"command\":\"make test\"}}");
    history = post("/v1/tools/session", "{\"action\":\"get_history\"}").path("text").asText();
    try (InputStream script = McpClientsIT.class.getResourceAsStream("/mcp/clients.mjs")) {
      // Node resolves the clients' packages from the script's own folder.
      Files.copy(script, CLIENTS.resolve("clients.mjs"), StandardCopyOption.REPLACE_EXISTING);
    }
  }

  @AfterAll
  static void stop() throws Exception {
    String log = sidecar.output();
    sidecar.stop();
    assertEquals(
        List.of(),
        log.lines().filter(l -> l.contains(" WARN ") || l.contains(" ERROR ")).toList(),
        "the clients did nothing the sidecar had to warn about");
  }

  @ParameterizedTest
  @CsvSource({"sdk-1, 2025-11-25", "client-2-legacy, 2025-11-25", "client-2-modern, 2026-07-28"})
  void theTypeScriptSdkReadsWhatRestReads(String flavour, String revision) throws Exception {
    JsonNode seen = JSON.readTree(node("clients.mjs", sidecar.apiUrl("/mcp"), flavour));
    assertEquals(revision, seen.path("version").asText(), seen.toString());
    assertEquals("session", seen.at("/tools/0/name").asText());
    assertTrue(seen.at("/tools/0/outputSchema").isNull(), "no output schema: the text is read");

    assertEquals(history, seen.at("/history/content/0/text").asText());
    assertTrue(seen.at("/history/structuredContent").isMissingNode(), seen.toString());
    assertEquals(history, seen.at("/typed/content/0/text").asText());
    assertEquals("get_history", seen.at("/typed/structuredContent/action").asText());
    assertEquals("Bash", seen.at("/typed/structuredContent/data/tool_calls/0/tool").asText());

    assertTrue(seen.at("/wrongType/isError").asBoolean(), seen.toString());
    assertThat(seen.at("/wrongType/content/0/text").asText(), startsWith("invalid_argument: "));
    assertEquals(-32602, seen.at("/unknownTool/code").asInt(), seen.toString());
    assertThat(seen.at("/unknownTool/message").asText(), containsString("one tool, \"session\""));
  }

  @Test
  void mcpInspectorsCliListsAndCallsTheTool() throws Exception {
    JsonNode tools = JSON.readTree(inspector("--method", "tools/list"));
    assertEquals("session", tools.at("/tools/0/name").asText(), tools.toString());
    JsonNode called = inspectorCall("action=get_history");
    assertEquals(history, called.at("/content/0/text").asText(), called.toString());
    JsonNode limited = inspectorCall("action=usage_list", "limit=3");
    assertEquals(false, limited.path("isError").asBoolean(), limited.toString());
  }

  /** {@code tools/call} of the session tool with each argument as {@code --tool-arg k=v}. */
  private static JsonNode inspectorCall(String... arguments) throws Exception {
    List<String> command =
        new ArrayList<>(List.of("--method", "tools/call", "--tool-name", "session"));
    for (String argument : arguments) {
      command.addAll(List.of("--tool-arg", argument));
    }
    return JSON.readTree(inspector(command.toArray(String[]::new)));
  }

  private static String inspector(String... arguments) throws Exception {
    List<String> command = new ArrayList<>();
    command.add(CLIENTS.resolve("node_modules/.bin/mcp-inspector").toString());
    command.addAll(List.of("--cli", sidecar.apiUrl("/mcp"), "--transport", "http"));
    command.addAll(List.of(arguments));
    return run(command);
  }

  private static String node(String script, String... arguments) throws Exception {
    List<String> command = new ArrayList<>(List.of("node", script));
    command.addAll(List.of(arguments));
    return run(command);
  }

  private static String run(List<String> command) throws IOException, InterruptedException {
    Path out = Files.createTempFile(root, "client", ".out");
    Path err = Files.createTempFile(root, "client", ".err");
    Process process =
        new ProcessBuilder(command)
            .directory(CLIENTS.toFile())
            .redirectOutput(out.toFile())
            .redirectError(err.toFile())
            .start();
    if (!process.waitFor(120, TimeUnit.SECONDS)) {
      process.destroyForcibly();
      throw new IllegalStateException("timed out: " + command);
    }
    String stdout = Files.readString(out, StandardCharsets.UTF_8);
    if (process.exitValue() != 0) {
      throw new IllegalStateException(
          command + " exited " + process.exitValue() + ": " + Files.readString(err) + stdout);
    }
    return stdout;
  }

  private static JsonNode post(String path, String body) throws Exception {
    var response = sidecar.post(sidecar.apiUrl(path), body);
    assertTrue(response.statusCode() / 100 == 2, path + ": " + response.body());
    return JSON.readTree(response.body());
  }
}
