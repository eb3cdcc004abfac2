package dev.sessionsidecar.reliability;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.json.JsonWriteFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The telemetry shapes the sidecar reads, as OTLP/JSON: Claude Code's {@code api_request} log
 * record and a GenAI chat span, each valid but for the one attribute a generated test spoils.
 */
final class OtlpShapes {

  /** The attributes spoiled, the logs' and the spans' (each is set on both shapes). */
  static final List<String> ATTRIBUTES =
      List.of(
          "event.name",
          "session.id",
          "model",
          "input_tokens",
          "output_tokens",
          "cache_read_tokens",
          "cost_usd",
          "duration_ms",
          "request_id",
          "gen_ai.operation.name",
          "gen_ai.conversation.id",
          "gen_ai.request.model",
          "gen_ai.usage.input_tokens",
          "gen_ai.response.id");

  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
  private static final ObjectMapper ASCII =
      JsonMapper.builder().enable(JsonWriteFeature.ESCAPE_NON_ASCII).build();
  private static final AtomicLong NEXT = new AtomicLong();

  private OtlpShapes() {}

  /** A request of one record of the signal ({@code logs} or {@code traces}). */
  static String request(String signal, String spoiled, JsonNode value, String session)
      throws JsonProcessingException {
    long n = NEXT.incrementAndGet();
    ArrayNode attributes = NODES.arrayNode();
    if (signal.equals("logs")) {
      add(attributes, "event.name", text("api_request"));
      add(attributes, "session.id", text(session));
      add(attributes, "model", text("claude-sonnet-4-5"));
      add(attributes, "input_tokens", number(100));
      add(attributes, "output_tokens", number(20));
      add(attributes, "cost_usd", NODES.objectNode().put("doubleValue", 0.01));
      add(attributes, "request_id", text("req_hostile_" + n));
    } else {
      add(attributes, "gen_ai.operation.name", text("chat"));
      add(attributes, "gen_ai.provider.name", text("anthropic"));
      add(attributes, "gen_ai.request.model", text("claude-sonnet-4-5"));
      add(attributes, "gen_ai.conversation.id", text(session));
      add(attributes, "gen_ai.response.id", text("msg_hostile_" + n));
      add(attributes, "gen_ai.usage.input_tokens", number(100));
      add(attributes, "gen_ai.usage.output_tokens", number(20));
    }
    for (int i = attributes.size() - 1; i >= 0; i--) {
      if (attributes.get(i).get("key").asText().equals(spoiled)) {
        attributes.remove(i);
      }
    }
    add(attributes, spoiled, value);
    ObjectNode item = NODES.objectNode();
    item.put(signal.equals("logs") ? "timeUnixNano" : "startTimeUnixNano", "1765000000000000000");
    if (signal.equals("traces")) {
      item.put("traceId", String.format("%032x", n)).put("spanId", String.format("%016x", n));
      item.put("name", "chat").put("endTimeUnixNano", "1765000001000000000");
    }
    item.set("attributes", attributes);
    String resources = signal.equals("logs") ? "resourceLogs" : "resourceSpans";
    String scopes = signal.equals("logs") ? "scopeLogs" : "scopeSpans";
    String items = signal.equals("logs") ? "logRecords" : "spans";
    ObjectNode scope = NODES.objectNode().set(items, NODES.arrayNode().add(item));
    ObjectNode resource = NODES.objectNode().set(scopes, NODES.arrayNode().add(scope));
    resource.set(
        "resource",
        NODES
            .objectNode()
            .set("attributes", add(NODES.arrayNode(), "service.name", text("claude-code"))));
    return ASCII.writeValueAsString(
        NODES.objectNode().set(resources, NODES.arrayNode().add(resource)));
  }

  private static ArrayNode add(ArrayNode attributes, String key, JsonNode value) {
    ObjectNode attribute = NODES.objectNode().put("key", key);
    attribute.set("value", value);
    return attributes.add(attribute);
  }

  private static JsonNode text(String value) {
    return NODES.objectNode().put("stringValue", value);
  }

  private static JsonNode number(long value) {
    return NODES.objectNode().put("intValue", String.valueOf(value));
  }
}
