package dev.sessionsidecar.insight;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Where an insight comes from: the built-in pondering, its suggestions, or a documentation check.
 */
public enum InsightSource {
  PONDERING,
  PROACTIVE,
  DOC_GAP;

  public String wireName() {
    return name().toLowerCase(Locale.ROOT);
  }

  public static Optional<InsightSource> fromWire(String name) {
    return Arrays.stream(values()).filter(s -> s.wireName().equals(name)).findFirst();
  }

  public static List<String> wireNames() {
    return Arrays.stream(values()).map(InsightSource::wireName).toList();
  }
}
