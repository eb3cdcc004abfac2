package dev.sessionsidecar.platform;

import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * Reads a request's query string strictly: unknown names, repeated names and malformed numbers are
 * 400 problems that say what is accepted (JAX-RS would answer a bad number with a 404).
 */
public final class QueryParameters {

  /** The longest look-back any window accepts, in days: ten years. */
  public static final int MAX_DAYS = 3650;

  private final MultivaluedMap<String, String> values;

  private QueryParameters(MultivaluedMap<String, String> values) {
    this.values = values;
  }

  /** The query of this request, which may use only the given names. */
  public static QueryParameters of(UriInfo uri, Set<String> accepted) {
    MultivaluedMap<String, String> values = uri.getQueryParameters();
    for (String name : values.keySet()) {
      if (!accepted.contains(name)) {
        throw ApiException.invalidArgument(
            name,
            "unknown query parameter; accepted: " + String.join(", ", new TreeSet<>(accepted)));
      }
      if (values.get(name).size() > 1) {
        throw ApiException.invalidArgument(name, "may be given only once");
      }
    }
    return new QueryParameters(values);
  }

  public String string(String name) {
    List<String> given = values.get(name);
    return given == null || given.isEmpty() ? null : given.get(0);
  }

  /**
   * A filter's value, or null when absent; an empty one is a 400, not a filter that matches nothing
   * (nor one that is silently dropped).
   */
  public String filter(String name) {
    String value = string(name);
    if (value != null && value.isBlank()) {
      throw ApiException.invalidArgument(name, "must not be empty: leave it out to not filter");
    }
    return value;
  }

  /** An integer within [min, max], or the default when absent. */
  public int integer(String name, int defaultValue, int min, int max) {
    String raw = string(name);
    if (raw == null) {
      return defaultValue;
    }
    try {
      int value = Integer.parseInt(raw.trim());
      if (value >= min && value <= max) {
        return value;
      }
    } catch (NumberFormatException e) {
      // reported below with the allowed range
    }
    throw ApiException.invalidArgument(
        name,
        "must be an integer from "
            + min
            + " to "
            + max
            + " (got "
            + PlainText.abbreviate(raw, 40)
            + ")");
  }

  /** A number within [0, 1], or the default when absent. */
  public double fraction(String name, double defaultValue) {
    String raw = string(name);
    if (raw == null) {
      return defaultValue;
    }
    try {
      double value = Double.parseDouble(raw.trim());
      if (value >= 0 && value <= 1) {
        return value;
      }
    } catch (NumberFormatException e) {
      // reported below with the allowed range
    }
    throw ApiException.invalidArgument(
        name, "must be a number from 0 to 1 (got " + PlainText.abbreviate(raw, 40) + ")");
  }

  /** One of the allowed values (lower case), or null when absent. */
  public String oneOf(String name, List<String> allowed) {
    String raw = string(name);
    if (raw == null || allowed.contains(raw)) {
      return raw;
    }
    throw ApiException.invalidArgument(
        name,
        "must be one of "
            + String.join(", ", allowed)
            + " (got "
            + PlainText.abbreviate(raw, 40)
            + ")");
  }
}
