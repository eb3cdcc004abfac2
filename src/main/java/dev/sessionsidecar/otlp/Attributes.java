package dev.sessionsidecar.otlp;

import dev.sessionsidecar.platform.PlainText;
import io.opentelemetry.proto.common.v1.AnyValue;
import io.opentelemetry.proto.common.v1.KeyValue;
import java.math.BigDecimal;
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

  /**
   * The whole number under the first of the keys that is present (an integer, a double without a
   * fraction, or such a number as text), else null. A value that is not exactly a whole number of
   * at most 18 digits ({@code "12abc"}, {@code 1.5}, 23 digits) is an {@link
   * IllegalArgumentException} naming the key: it is rejected, never read as 0 or rounded.
   */
  Long number(String... keys) {
    for (String key : keys) {
      AnyValue value = values.get(key);
      if (value == null) {
        continue;
      }
      return switch (value.getValueCase()) {
        case INT_VALUE -> value.getIntValue();
        case DOUBLE_VALUE -> whole(key, value.getDoubleValue());
        case STRING_VALUE -> parsed(key, value.getStringValue());
        default -> throw notWhole(key, value.toString());
      };
    }
    return null;
  }

  private static long whole(String key, double number) {
    if (number != Math.rint(number) || Math.abs(number) >= 1e18) {
      throw notWhole(key, Double.toString(number));
    }
    return (long) number;
  }

  private static long parsed(String key, String text) {
    String trimmed = text.strip();
    if (!trimmed.matches("-?\\d{1,18}")) {
      throw notWhole(key, text);
    }
    return Long.parseLong(trimmed);
  }

  private static IllegalArgumentException notWhole(String key, String value) {
    return new IllegalArgumentException(
        key + " must be a whole number of at most 18 digits, not " + PlainText.oneLine(value, 40));
  }

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

  /**
   * A decimal amount (cost) of 0 or more, from a number or its text; null when the key is absent.
   * Anything else (NaN, a negative amount, text that is no number) is an {@link
   * IllegalArgumentException} naming the key: rejected, never replaced by an estimate.
   */
  BigDecimal decimal(String key) {
    String text = text(key);
    if (text == null) {
      return null;
    }
    try {
      BigDecimal amount = new BigDecimal(text.strip());
      if (amount.signum() >= 0) {
        return amount;
      }
    } catch (NumberFormatException notANumber) {
      // said below
    }
    throw new IllegalArgumentException(
        key + " must be an amount of 0 or more, not " + PlainText.oneLine(text, 40));
  }

  boolean has(String key) {
    return values.containsKey(key);
  }
}
