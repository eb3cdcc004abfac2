package dev.sessionsidecar.insight;

import dev.sessionsidecar.platform.ApiException;

/** The rule for an insight id: a positive integer a JavaScript client can hold exactly. */
public final class InsightId {

  /** 2^53 - 1, the largest integer a JSON number keeps exactly in JavaScript. */
  public static final long MAX = (1L << 53) - 1;

  /** What a caller is told when an id breaks the rule. */
  public static final String RULE =
      "must be a positive integer from 1 to " + MAX + ", as the insights list shows it";

  private InsightId() {}

  /** Reads an id written as decimal digits (a path segment); anything else names the field. */
  public static long parse(String field, String text) {
    if (text == null
        || text.isEmpty()
        || text.length() > 16
        || !text.chars().allMatch(Character::isDigit)) {
      throw invalid(field);
    }
    return checked(field, Long.parseLong(text));
  }

  /** Checks an id already read as a number. */
  public static long checked(String field, long id) {
    if (id < 1 || id > MAX) {
      throw invalid(field);
    }
    return id;
  }

  public static ApiException invalid(String field) {
    return ApiException.invalidArgument(field, RULE);
  }
}
