package dev.sessionsidecar.insight;

import dev.sessionsidecar.platform.WireName;
import java.util.List;
import java.util.Optional;

/**
 * Where an insight comes from: the built-in pondering, its suggestions, or a documentation check.
 */
public enum InsightSource implements WireName {
  PONDERING,
  PROACTIVE,
  DOC_GAP;

  public static Optional<InsightSource> fromWire(String name) {
    return WireName.fromWire(InsightSource.class, name);
  }

  public static List<String> wireNames() {
    return WireName.wireNames(InsightSource.class);
  }
}
