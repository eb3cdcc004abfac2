package dev.sessionsidecar.insight;

import dev.sessionsidecar.platform.ApiException;
import dev.sessionsidecar.platform.IntegerId;

/** The rule for an insight id: a positive integer a JavaScript client can hold exactly. */
public final class InsightId {

  /** 2^53 - 1, the largest integer a JSON number keeps exactly in JavaScript. */
  public static final long MAX = IntegerId.MAX;

  private static final String LISTED_BY = "the insights list";

  /** What a caller is told when an id breaks the rule. */
  public static final String RULE = IntegerId.rule(LISTED_BY);

  private InsightId() {}

  /** Reads an id written as decimal digits (a path segment); anything else names the field. */
  public static long parse(String field, String text) {
    return IntegerId.parse(field, text, LISTED_BY);
  }

  /** Checks an id already read as a number. */
  public static long checked(String field, long id) {
    return IntegerId.checked(field, id, LISTED_BY);
  }

  public static ApiException invalid(String field) {
    return ApiException.invalidArgument(field, RULE);
  }
}
