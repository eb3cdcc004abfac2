package dev.sessionsidecar.otlp;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.Message;
import com.google.protobuf.util.JsonFormat;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The two OTLP/HTTP encodings: binary protobuf, and JSON, which differs from protobuf's own JSON
 * mapping in one way that matters: trace and span ids are hex strings, not base64.
 */
enum OtlpEncoding {
  PROTOBUF("application/x-protobuf"),
  JSON("application/json");

  private static final Set<String> HEX_ID_FIELDS = Set.of("traceId", "spanId", "parentSpanId");

  private final String mediaType;

  OtlpEncoding(String mediaType) {
    this.mediaType = mediaType;
  }

  String mediaType() {
    return mediaType;
  }

  static OtlpEncoding of(String contentType) {
    return contentType != null && contentType.toLowerCase(Locale.ROOT).startsWith(JSON.mediaType)
        ? JSON
        : PROTOBUF;
  }

  /** Reads the body into the builder; an undecodable body throws. */
  void merge(byte[] body, Message.Builder builder, ObjectMapper mapper) throws IOException {
    if (this == PROTOBUF) {
      builder.mergeFrom(body);
      return;
    }
    JsonNode tree = mapper.readTree(body);
    if (tree == null || !tree.isObject()) {
      throw new InvalidProtocolBufferException("the body is not a JSON object");
    }
    hexIdsToBase64(tree);
    JsonFormat.parser().ignoringUnknownFields().merge(mapper.writeValueAsString(tree), builder);
  }

  byte[] write(Message message) throws InvalidProtocolBufferException {
    return this == PROTOBUF
        ? message.toByteArray()
        : JsonFormat.printer().print(message).getBytes(StandardCharsets.UTF_8);
  }

  private static void hexIdsToBase64(JsonNode node) {
    if (node.isObject()) {
      ObjectNode object = (ObjectNode) node;
      for (Iterator<Map.Entry<String, JsonNode>> fields = object.fields(); fields.hasNext(); ) {
        Map.Entry<String, JsonNode> field = fields.next();
        if (HEX_ID_FIELDS.contains(field.getKey()) && field.getValue().isTextual()) {
          field.setValue(object.textNode(base64(field.getValue().asText())));
        } else {
          hexIdsToBase64(field.getValue());
        }
      }
    } else if (node.isArray()) {
      node.forEach(OtlpEncoding::hexIdsToBase64);
    }
  }

  private static String base64(String hex) {
    try {
      return Base64.getEncoder().encodeToString(HexFormat.of().parseHex(hex));
    } catch (IllegalArgumentException notHex) {
      return hex; // left as it is: the protobuf parser then says what is wrong
    }
  }
}
