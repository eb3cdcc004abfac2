package dev.sessionsidecar.session;

/** The form a session id must have: safe in a URL path and a log line, at most 128 characters. */
public final class SessionIds {

  /** Letters, digits and {@code . _ : -}, starting with a letter or digit. */
  public static final String PATTERN = "^[A-Za-z0-9][A-Za-z0-9._:-]{0,127}$";

  public static final String RULE =
      "must be 1 to 128 characters of letters, digits and . _ : - starting with a letter or digit";

  private SessionIds() {}

  public static boolean isValid(String id) {
    return id != null && id.matches(PATTERN);
  }
}
