package dev.sessionsidecar.reliability;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Values a careless or hostile client sends where a field goes: the classic ones every time (wrong
 * types, empty, blank, null, huge, negative, fractional, out of range, control characters, broken
 * surrogates, direction overrides), then random strings and numbers from a seeded generator.
 */
final class HostileValues {

  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  private final Random random;

  HostileValues(long seed) {
    this.random = new Random(seed);
  }

  /** The classic values, then {@code randomOnes} generated ones. */
  List<JsonNode> forField(int randomOnes) {
    List<JsonNode> values = new ArrayList<>(classic());
    for (int i = 0; i < randomOnes; i++) {
      values.add(random.nextBoolean() ? NODES.textNode(randomText()) : randomNumber());
    }
    return values;
  }

  /** OTLP attribute values (AnyValue objects): every kind, including ones of the wrong kind. */
  List<JsonNode> forAttribute(int randomOnes) {
    List<JsonNode> values = new ArrayList<>();
    for (JsonNode plain : forField(randomOnes)) {
      values.add(
          any(
              plain.isNumber() ? "intValue" : "stringValue",
              plain.isTextual() ? plain : NODES.textNode(plain.toString())));
      values.add(any("doubleValue", plain));
    }
    values.add(any("intValue", NODES.textNode("12abc")));
    values.add(any("intValue", NODES.textNode("99999999999999999999999")));
    values.add(any("doubleValue", NODES.textNode("NaN")));
    values.add(any("doubleValue", NODES.textNode("-Infinity")));
    values.add(any("boolValue", NODES.booleanNode(true)));
    values.add(
        NODES
            .objectNode()
            .set(
                "arrayValue",
                NODES
                    .objectNode()
                    .set("values", NODES.arrayNode().add(any("intValue", NODES.textNode("1"))))));
    values.add(NODES.objectNode());
    return values;
  }

  private static JsonNode any(String kind, JsonNode value) {
    return NODES.objectNode().set(kind, value);
  }

  private static List<JsonNode> classic() {
    return List.of(
        NODES.nullNode(),
        NODES.textNode(""),
        NODES.textNode("   "),
        NODES.textNode(" padded "),
        NODES.textNode("x".repeat(10_000)),
        NODES.textNode("nul\u0000byte"),
        NODES.textNode("line\nbreak"),
        NODES.textNode("broken\ud800surrogate"),
        NODES.textNode("\u202eright-to-left"),
        NODES.textNode("😀".repeat(300)),
        NODES.textNode("../../etc/passwd"),
        NODES.textNode("1970-01-01T00:00:00Z"),
        NODES.numberNode(0),
        NODES.numberNode(-1),
        NODES.numberNode(1.5),
        NODES.numberNode(new BigDecimal("1e308")),
        NODES.numberNode(new BigInteger("-9223372036854775809")),
        NODES.numberNode(9_007_199_254_740_993L),
        NODES.booleanNode(true),
        NODES.arrayNode(),
        NODES.arrayNode().add(1).add("two"),
        NODES.objectNode(),
        NODES.objectNode().set("nested", NODES.objectNode().put("deeper", 1)));
  }

  /** 1 to 300 code points from every range: controls, ASCII, Latin, CJK, astral, surrogates. */
  private String randomText() {
    StringBuilder text = new StringBuilder();
    int length = 1 + random.nextInt(300);
    for (int i = 0; i < length; i++) {
      int range = random.nextInt(6);
      int codePoint =
          switch (range) {
            case 0 -> random.nextInt(0x20);
            case 1 -> 0x20 + random.nextInt(0x5f);
            case 2 -> 0xa0 + random.nextInt(0x200);
            case 3 -> 0x4e00 + random.nextInt(0x5000);
            case 4 -> 0x1f300 + random.nextInt(0x300);
            default -> 0xd800 + random.nextInt(0x800); // a lone surrogate
          };
      text.appendCodePoint(codePoint);
    }
    return text.toString();
  }

  private JsonNode randomNumber() {
    return switch (random.nextInt(4)) {
      case 0 -> NODES.numberNode(random.nextLong());
      case 1 -> NODES.numberNode(random.nextDouble() * Math.pow(10, random.nextInt(40) - 20));
      case 2 -> NODES.numberNode(-random.nextInt(1_000_000));
      default -> NODES.numberNode(new BigDecimal(new BigInteger(130, random), random.nextInt(10)));
    };
  }
}
