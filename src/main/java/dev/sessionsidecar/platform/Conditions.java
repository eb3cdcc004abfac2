package dev.sessionsidecar.platform;

import io.quarkus.panache.common.Parameters;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * A JPQL where-clause made of the conditions a filter asks for, with their named parameters: the
 * one way finders compose optional filters. A condition whose value is null is left out.
 */
public final class Conditions {

  private final List<String> clauses = new ArrayList<>();
  private final Parameters parameters = new Parameters();

  /** The condition, with {@code value} bound to {@code :name}; nothing when the value is null. */
  public Conditions and(String clause, String name, Object value) {
    if (value != null) {
      clauses.add(clause);
      parameters.and(name, value);
    }
    return this;
  }

  /** A condition without parameters, when it applies. */
  public Conditions andIf(boolean applies, String clause) {
    if (applies) {
      clauses.add(clause);
    }
    return this;
  }

  /**
   * {@code field in :name} for the values; null values leave it out, and an empty collection
   * matches nothing (JPQL has no empty {@code in}).
   */
  public Conditions in(String field, String name, Collection<?> values) {
    if (values != null && values.isEmpty()) {
      return andIf(true, "1 = 0");
    }
    return and(field + " in :" + name, name, values);
  }

  /** The where-clause: the conditions joined with {@code and}; every row when there are none. */
  public String where() {
    return clauses.isEmpty() ? "1 = 1" : String.join(" and ", clauses);
  }

  public Parameters parameters() {
    return parameters;
  }
}
