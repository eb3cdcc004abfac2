package dev.sessionsidecar.platform;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * An enum constant that travels in JSON, query strings and tool arguments as its name in lower
 * case: {@code INPUT_REQUIRED} is {@code input_required}.
 */
public interface WireName {

  String name();

  default String wireName() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** The constant of the enum with this wire name, if any. */
  static <E extends Enum<E> & WireName> Optional<E> fromWire(Class<E> type, String wireName) {
    return Arrays.stream(type.getEnumConstants())
        .filter(e -> e.wireName().equals(wireName))
        .findFirst();
  }

  /** The wire names of the enum's constants, in declaration order. */
  static <E extends Enum<E> & WireName> List<String> wireNames(Class<E> type) {
    return Arrays.stream(type.getEnumConstants()).map(WireName::wireName).toList();
  }
}
