package dev.sessionsidecar.otlp;

import io.opentelemetry.proto.common.v1.AnyValue;
import io.opentelemetry.proto.common.v1.KeyValue;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** OTLP attributes by key, read as text or numbers whatever type the producer chose. */
final class Attributes {

  private final Map<String, AnyValue> values = new HashMap<>();

  /** Later lists win: pass the resource's attributes first, then the span's or record's. */
  @SafeVarargs
  static Attributes of(List<KeyValue>... lists) {
    Attributes attributes = new Attributes();
    for (List<KeyValue> list : lists) {
      list.forEach(kv -> attributes.values.put(kv.getKey(), kv.getValue()));
    }
    return attributes;
  }

  /** The first of the keys that is present, as text; null when none is. */
  String text(String... keys) {
    for (String key : keys) {
      AnyValue value = values.get(key);
      if (value == null) {
        continue;
      }
      String text =
          switch (value.getValueCase()) {
            case STRING_VALUE -> value.getStringValue();
            case INT_VALUE -> Long.toString(value.getIntValue());
            case DOUBLE_VALUE -> Double.toString(value.getDoubleValue());
            case BOOL_VALUE -> Boolean.toString(value.getBoolValue());
            default -> null;
          };
      if (text != null && !text.isEmpty()) {
        return text;
      }
    }
    return null;
  }

  /** The first of the keys that holds a whole number (also as text), else null. */
  Long number(String... keys) {
    for (String key : keys) {
      AnyValue value = values.get(key);
      if (value == null) {
        continue;
      }
      if (value.hasIntValue()) {
        return value.getIntValue();
      }
      if (value.hasDoubleValue()) {
        return (long) value.getDoubleValue();
      }
      if (value.hasStringValue()) {
        try {
          return Long.parseLong(value.getStringValue().trim());
        } catch (NumberFormatException notANumber) {
          // try the next key
        }
      }
    }
    return null;
  }

  /** A decimal amount (cost), from a number or its text. */
  /**
   * The number under the first of the keys present, when every present key says the same; two that
   * disagree are an {@link IllegalArgumentException} naming both (an attribute renamed by the
   * conventions, sent under both names).
   */
  Long agreed(String... keys) {
    Long found = null;
    String foundKey = null;
    for (String key : keys) {
      Long value = number(key);
      if (value == null) {
        continue;
      }
      if (found != null && !found.equals(value)) {
        throw new IllegalArgumentException(
            foundKey + " (" + found + ") and " + key + " (" + value + ") disagree");
      }
      if (found == null) {
        found = value;
        foundKey = key;
      }
    }
    return found;
  }

  java.math.BigDecimal decimal(String key) {
    String text = text(key);
    if (text == null) {
      return null;
    }
    try {
      return new java.math.BigDecimal(text.trim());
    } catch (NumberFormatException notANumber) {
      return null;
    }
  }

  boolean has(String key) {
    return values.containsKey(key);
  }
}
