package dev.sessionsidecar.agents;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A stand-in for the model APIs the real agents call, on loopback: Anthropic's Messages API ({@code
 * POST /v1/messages}) and OpenAI's Responses API ({@code POST /v1/responses}), both streamed as the
 * providers stream them. The prompt names a script ({@code [[script:name]]}); each reply is the
 * script's next turn (tool calls, then text), found from the ids of the calls the history already
 * holds, so a resumed or parallel conversation picks up where it was. Every reply carries its own
 * token counts, and every exchange is logged so that a test can compare what the sidecar stored
 * with what the model really answered.
 */
final class ScriptedModel implements AutoCloseable {

  /** A tool call the model makes: the tool's name and its input. */
  record Call(String tool, JsonNode input) {}

  /** One model response: calls (in parallel when more than one), then text. */
  record Turn(List<Call> calls, String text) {
    static Turn say(String text) {
      return new Turn(List.of(), text);
    }

    static Turn call(Call... calls) {
      return new Turn(List.of(calls), "");
    }
  }

  /** The token counts of one reply, in the provider's own terms. */
  record Usage(
      long input,
      long output,
      long cacheRead,
      long cacheWrite5m,
      long cacheWrite1h,
      long reasoning) {}

  /** One request and what was answered. */
  record Exchange(
      String api,
      String script,
      int step,
      String model,
      String id,
      Usage usage,
      JsonNode request) {}

  /** A tool call the model asked for, under the id it gave it. */
  record Issued(String callId, String tool, JsonNode input) {}

  private static final Pattern MARKER = Pattern.compile("\\[\\[script:([a-z0-9-]+)]]");
  private static final Pattern OUR_CALL = Pattern.compile("(?:toolu|call)_s_([a-z0-9-]+)_(\\d+)_");

  private final ObjectMapper mapper = new ObjectMapper();
  private final Map<String, List<Turn>> scripts = new ConcurrentHashMap<>();
  private final List<Exchange> exchanges = new ArrayList<>();
  private final List<String> otherRequests = new ArrayList<>();
  private final List<Issued> issued = new ArrayList<>();
  private final Map<String, Runnable> beforeTurns = new ConcurrentHashMap<>();
  private final AtomicInteger counter = new AtomicInteger();
  private final HttpServer server;

  /** Whether each Anthropic reply says it ran web searches, in the US only (both are billed). */
  private volatile boolean searchingInTheUs;

  /** Whether each Anthropic reply says it came in fast mode (which has prices of its own). */
  private volatile boolean fast;

  private ScriptedModel(HttpServer server) {
    this.server = server;
  }

  /**
   * From now on each Anthropic reply tells of web searches run on the provider's side (one or two)
   * and a web fetch, and that it ran in the US only: what Claude Code bills beyond the tokens.
   */
  ScriptedModel searchingInTheUs() {
    searchingInTheUs = true;
    return this;
  }

  /** From now on each Anthropic reply says it came in fast mode ({@code usage.speed}). */
  ScriptedModel inFastMode() {
    fast = true;
    return this;
  }

  /** The web searches a reply told of (see {@link #searchingInTheUs}). */
  long webSearches(Exchange exchange) {
    return searchingInTheUs ? 1 + exchange.usage().output() % 2 : 0;
  }

  static ScriptedModel start() throws IOException {
    HttpServer server =
        HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    ScriptedModel model = new ScriptedModel(server);
    server.createContext("/", model::handle);
    server.setExecutor(Executors.newCachedThreadPool());
    server.start();
    return model;
  }

  /** Plays these turns for every prompt that carries {@code [[script:name]]}. */
  ScriptedModel script(String name, Turn... turns) {
    scripts.put(name, List.of(turns));
    return this;
  }

  /**
   * Runs {@code action} before the model answers step {@code step} of the script: the agent waits
   * for its reply meanwhile, so a test can change the sidecar's state at an exact point of a turn.
   */
  ScriptedModel beforeTurn(String name, int step, Runnable action) {
    beforeTurns.put(name + "#" + step, action);
    return this;
  }

  /** The base URL the agents are pointed at. */
  String baseUrl() {
    return "http://127.0.0.1:" + server.getAddress().getPort();
  }

  synchronized List<Exchange> exchanges() {
    return List.copyOf(exchanges);
  }

  synchronized List<String> otherRequests() {
    return List.copyOf(otherRequests);
  }

  /** Every tool call the model asked for, in order. */
  synchronized List<Issued> issued() {
    return List.copyOf(issued);
  }

  /**
   * What the agent told the model a call gave: the text of the call's {@code tool_result}
   * (Anthropic) or {@code function_call_output} (OpenAI) in a later request; null if none did.
   */
  String resultOf(String callId) {
    for (Exchange exchange : exchanges()) {
      for (JsonNode message : exchange.request().path("messages")) {
        for (JsonNode block : message.path("content")) {
          if (callId.equals(block.path("tool_use_id").asText())) {
            return block.path("content").toString();
          }
        }
      }
      for (JsonNode item : exchange.request().path("input")) {
        if (item.path("type").asText().endsWith("_output")
            && callId.equals(item.path("call_id").asText())) {
          return item.path("output").toString();
        }
      }
    }
    return null;
  }

  /**
   * What the model read of a call's result as text: the text of each block of an Anthropic {@code
   * tool_result} or an OpenAI function call output (other blocks as their JSON), or the output
   * itself when it is a string; null if no request carried it.
   */
  String textOf(String callId) {
    String result = resultOf(callId);
    if (result == null) {
      return null;
    }
    try {
      JsonNode node = mapper.readTree(result);
      if (node.isTextual()) {
        return node.asText();
      }
      StringBuilder text = new StringBuilder();
      for (JsonNode block : node) {
        // Anthropic's blocks are "text", OpenAI's "input_text": either way, what the model reads.
        text.append(
            block.path("text").isTextual() ? block.path("text").asText() : block.toString());
      }
      return text.toString();
    } catch (JsonProcessingException notJson) {
      return result;
    }
  }

  /** The exchanges of one API ({@code anthropic} or {@code openai}). */
  List<Exchange> exchanges(String api) {
    return exchanges().stream().filter(e -> e.api().equals(api)).toList();
  }

  @Override
  public void close() {
    server.stop(0);
  }

  private void handle(HttpExchange http) throws IOException {
    try (http) {
      byte[] body = http.getRequestBody().readAllBytes();
      String path = http.getRequestURI().getPath();
      if ("POST".equals(http.getRequestMethod()) && path.equals("/v1/messages")) {
        anthropic(http, mapper.readTree(body));
      } else if ("POST".equals(http.getRequestMethod()) && path.equals("/v1/responses")) {
        openai(http, mapper.readTree(body));
      } else {
        synchronized (this) {
          otherRequests.add(http.getRequestMethod() + " " + http.getRequestURI());
        }
        byte[] empty = "{}".getBytes(StandardCharsets.UTF_8);
        http.getResponseHeaders().set("Content-Type", "application/json");
        http.sendResponseHeaders(path.startsWith("/v1/analytics") ? 200 : 404, empty.length);
        http.getResponseBody().write(empty);
      }
    }
  }

  // --- which turn: the prompt's script, and the step after the last call of ours in the history

  private record Position(String script, int step) {}

  private Position position(List<String> promptTexts, List<String> callIds) {
    String script = null;
    for (String text : promptTexts) {
      Matcher m = MARKER.matcher(text);
      while (m.find()) {
        script = m.group(1);
      }
    }
    if (script == null || !scripts.containsKey(script)) {
      return new Position(null, 0);
    }
    int step = 0;
    for (String id : callIds) {
      Matcher m = OUR_CALL.matcher(id);
      if (m.lookingAt() && m.group(1).equals(script)) {
        step = Integer.parseInt(m.group(2)) + 1;
      }
    }
    return new Position(script, step);
  }

  private Turn turn(Position at) {
    if (at.script() == null) {
      return Turn.say("ok");
    }
    Runnable before = beforeTurns.remove(at.script() + "#" + at.step());
    if (before != null) {
      before.run();
    }
    List<Turn> turns = scripts.get(at.script());
    return at.step() < turns.size() ? turns.get(at.step()) : Turn.say("Done.");
  }

  private Usage usage(int n, boolean anthropic) {
    // Distinct, realistic counts per reply, so that a record stored twice or swapped shows.
    long input = 1200 + 37L * n;
    return anthropic
        ? new Usage(3 + n, 40 + 11L * n, input * 4, 300 + 7L * n, 900 + 13L * n, 0)
        : new Usage(input * 3, 60 + 9L * n, input * 2, 0, 0, 16 + 3L * n);
  }

  private synchronized void log(Exchange exchange) {
    exchanges.add(exchange);
  }

  private synchronized void issue(String callId, Call call) {
    issued.add(new Issued(callId, call.tool(), call.input()));
  }

  // --- Anthropic Messages API

  private void anthropic(HttpExchange http, JsonNode request) throws IOException {
    List<String> prompts = new ArrayList<>();
    List<String> callIds = new ArrayList<>();
    for (JsonNode message : request.path("messages")) {
      JsonNode content = message.path("content");
      boolean user = "user".equals(message.path("role").asText());
      if (content.isTextual() && user) {
        prompts.add(content.asText());
      }
      for (JsonNode block : content) {
        String type = block.path("type").asText();
        if (user && type.equals("text")) {
          prompts.add(block.path("text").asText());
        } else if (type.equals("tool_use")) {
          callIds.add(block.path("id").asText());
        }
      }
    }
    Position at =
        request.path("tools").isEmpty() ? new Position(null, 0) : position(prompts, callIds);
    Turn turn = turn(at);
    int n = counter.incrementAndGet();
    Usage usage = usage(n, true);
    String model = request.path("model").asText("claude-unknown");
    String messageId = "msg_" + UUID.randomUUID().toString().replace("-", "");
    String requestId = "req_" + UUID.randomUUID().toString().replace("-", "");
    log(new Exchange("anthropic", at.script(), at.step(), model, requestId, usage, request));
    http.getResponseHeaders().set("request-id", requestId);
    List<ObjectNode> blocks = new ArrayList<>();
    if (!turn.text().isEmpty()) {
      blocks.add(mapper.createObjectNode().put("type", "text").put("text", turn.text()));
    }
    for (int k = 0; k < turn.calls().size(); k++) {
      Call call = turn.calls().get(k);
      ObjectNode block = mapper.createObjectNode().put("type", "tool_use");
      block.put("id", "toolu_s_" + at.script() + "_" + at.step() + "_" + k + "_" + n);
      issue(block.path("id").asText(), call);
      block.put("name", call.tool());
      block.set("input", call.input());
      blocks.add(block);
    }
    String stop = turn.calls().isEmpty() ? "end_turn" : "tool_use";
    ObjectNode startUsage = anthropicUsage(usage, 1);
    if (!request.path("stream").asBoolean()) {
      ObjectNode message =
          anthropicMessage(messageId, model, startUsage.put("output_tokens", usage.output()));
      message.putArray("content").addAll(blocks);
      message.put("stop_reason", stop);
      send(http, "application/json", mapper.writeValueAsBytes(message));
      return;
    }
    SseWriter sse = new SseWriter(http, mapper);
    ObjectNode start = mapper.createObjectNode().put("type", "message_start");
    start.set("message", anthropicMessage(messageId, model, startUsage));
    sse.event("message_start", start);
    for (int i = 0; i < blocks.size(); i++) {
      streamBlock(sse, i, blocks.get(i));
    }
    ObjectNode delta = mapper.createObjectNode().put("type", "message_delta");
    delta.putObject("delta").put("stop_reason", stop).putNull("stop_sequence");
    delta.set("usage", anthropicUsage(usage, usage.output()));
    sse.event("message_delta", delta);
    sse.event("message_stop", mapper.createObjectNode().put("type", "message_stop"));
    sse.close();
  }

  private ObjectNode anthropicMessage(String id, String model, ObjectNode usage) {
    ObjectNode message = mapper.createObjectNode();
    message.put("id", id).put("type", "message").put("role", "assistant").put("model", model);
    message.putArray("content");
    message.putNull("stop_reason").putNull("stop_sequence");
    message.set("usage", usage);
    return message;
  }

  private ObjectNode anthropicUsage(Usage usage, long output) {
    ObjectNode node = mapper.createObjectNode();
    node.put("input_tokens", usage.input());
    node.put("cache_creation_input_tokens", usage.cacheWrite5m() + usage.cacheWrite1h());
    node.put("cache_read_input_tokens", usage.cacheRead());
    node.putObject("cache_creation")
        .put("ephemeral_5m_input_tokens", usage.cacheWrite5m())
        .put("ephemeral_1h_input_tokens", usage.cacheWrite1h());
    node.put("output_tokens", output);
    node.put("service_tier", "standard");
    if (searchingInTheUs) {
      node.putObject("server_tool_use")
          .put("web_search_requests", 1 + usage.output() % 2)
          .put("web_fetch_requests", 1);
      node.put("inference_geo", "us");
    }
    if (fast) {
      node.put("speed", "fast");
    }
    return node;
  }

  private void streamBlock(SseWriter sse, int index, ObjectNode block) throws IOException {
    ObjectNode start =
        mapper.createObjectNode().put("type", "content_block_start").put("index", index);
    ObjectNode delta =
        mapper.createObjectNode().put("type", "content_block_delta").put("index", index);
    if (block.path("type").asText().equals("text")) {
      start.putObject("content_block").put("type", "text").put("text", "");
      delta.putObject("delta").put("type", "text_delta").put("text", block.path("text").asText());
    } else {
      ObjectNode empty = block.deepCopy();
      empty.putObject("input");
      start.set("content_block", empty);
      delta
          .putObject("delta")
          .put("type", "input_json_delta")
          .put("partial_json", mapper.writeValueAsString(block.path("input")));
    }
    sse.event("content_block_start", start);
    sse.event("content_block_delta", delta);
    sse.event(
        "content_block_stop",
        mapper.createObjectNode().put("type", "content_block_stop").put("index", index));
  }

  // --- OpenAI Responses API

  private void openai(HttpExchange http, JsonNode request) throws IOException {
    List<String> prompts = new ArrayList<>();
    List<String> callIds = new ArrayList<>();
    for (JsonNode item : request.path("input")) {
      if ("user".equals(item.path("role").asText())) {
        for (JsonNode part : item.path("content")) {
          prompts.add(part.path("text").asText());
        }
      }
      if (item.has("call_id") && !item.path("type").asText().endsWith("_output")) {
        callIds.add(item.path("call_id").asText());
      }
    }
    Position at = position(prompts, callIds);
    Turn turn = turn(at);
    int n = counter.incrementAndGet();
    Usage usage = usage(n, false);
    String model = request.path("model").asText("gpt-unknown");
    String responseId = "resp_" + UUID.randomUUID().toString().replace("-", "");
    log(new Exchange("openai", at.script(), at.step(), model, responseId, usage, request));
    http.getResponseHeaders().set("x-request-id", "req_" + n);
    SseWriter sse = new SseWriter(http, mapper);
    ObjectNode created = mapper.createObjectNode().put("type", "response.created");
    created
        .putObject("response")
        .put("id", responseId)
        .put("status", "in_progress")
        .put("model", model);
    sse.event("response.created", created);
    int index = 0;
    for (int k = 0; k < turn.calls().size(); k++) {
      Call call = turn.calls().get(k);
      ObjectNode item = mapper.createObjectNode().put("type", "function_call");
      item.put("id", "fc_" + n + "_" + k);
      item.put("call_id", "call_s_" + at.script() + "_" + at.step() + "_" + k + "_" + n);
      issue(item.path("call_id").asText(), call);
      int slash = call.tool().indexOf('/');
      if (slash > 0) {
        // an MCP tool: Codex offers a server's tools as a namespace of functions
        item.put("namespace", call.tool().substring(0, slash));
      }
      item.put("name", call.tool().substring(slash + 1));
      item.put("arguments", mapper.writeValueAsString(call.input()));
      item.put("status", "completed");
      outputItem(sse, index++, item);
    }
    if (!turn.text().isEmpty()) {
      ObjectNode item = mapper.createObjectNode().put("type", "message").put("role", "assistant");
      item.put("id", "msg_" + n).put("status", "completed");
      item.putArray("content")
          .addObject()
          .put("type", "output_text")
          .put("text", turn.text())
          .putArray("annotations");
      outputItem(sse, index, item);
    }
    ObjectNode completed = mapper.createObjectNode().put("type", "response.completed");
    ObjectNode response = completed.putObject("response");
    response.put("id", responseId).put("status", "completed").put("model", model);
    ObjectNode u = response.putObject("usage");
    u.put("input_tokens", usage.input());
    u.putObject("input_tokens_details").put("cached_tokens", usage.cacheRead());
    u.put("output_tokens", usage.output());
    u.putObject("output_tokens_details").put("reasoning_tokens", usage.reasoning());
    u.put("total_tokens", usage.input() + usage.output());
    sse.event("response.completed", completed);
    sse.close();
  }

  /** An output item as the Responses API streams it: added, then done. */
  private void outputItem(SseWriter sse, int index, ObjectNode item) throws IOException {
    for (String stage : new String[] {"added", "done"}) {
      String type = "response.output_item." + stage;
      ObjectNode event = mapper.createObjectNode().put("type", type).put("output_index", index);
      event.set("item", item);
      sse.event(type, event);
    }
  }

  private static void send(HttpExchange http, String type, byte[] body) throws IOException {
    http.getResponseHeaders().set("Content-Type", type);
    http.sendResponseHeaders(200, body.length);
    http.getResponseBody().write(body);
  }

  /** Server-sent events on an exchange's response, flushed event by event. */
  private static final class SseWriter {
    private final OutputStream out;
    private final ObjectMapper mapper;

    SseWriter(HttpExchange http, ObjectMapper mapper) throws IOException {
      this.mapper = mapper;
      http.getResponseHeaders().set("Content-Type", "text/event-stream");
      http.getResponseHeaders().set("Cache-Control", "no-cache");
      http.sendResponseHeaders(200, 0);
      this.out = http.getResponseBody();
    }

    void event(String name, JsonNode data) throws IOException {
      String text = "event: " + name + "\ndata: " + mapper.writeValueAsString(data) + "\n\n";
      out.write(text.getBytes(StandardCharsets.UTF_8));
      out.flush();
    }

    void close() throws IOException {
      out.close();
    }
  }
}
