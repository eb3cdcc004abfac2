package dev.sessionsidecar.platform;

/**
 * The rule for the integer ids the database assigns (insights, budgets): positive, and at most 2^53
 * - 1, the largest integer a JSON number keeps exactly in JavaScript.
 */
public final class IntegerId {

  public static final long MAX = (1L << 53) - 1;

  private IntegerId() {}

  /** What a caller is told when an id breaks the rule; {@code listedBy} says where ids are seen. */
  public static String rule(String listedBy) {
    return "must be a positive integer from 1 to " + MAX + ", as " + listedBy + " shows it";
  }

  /** Reads an id written as decimal digits (a path segment); anything else names the field. */
  public static long parse(String field, String text, String listedBy) {
    if (text == null
        || text.isEmpty()
        || text.length() > 16
        || !text.chars().allMatch(Character::isDigit)) {
      throw ApiException.invalidArgument(field, rule(listedBy));
    }
    return checked(field, Long.parseLong(text), listedBy);
  }

  /** Checks an id already read as a number. */
  public static long checked(String field, long id, String listedBy) {
    if (id < 1 || id > MAX) {
      throw ApiException.invalidArgument(field, rule(listedBy));
    }
    return id;
  }
}
