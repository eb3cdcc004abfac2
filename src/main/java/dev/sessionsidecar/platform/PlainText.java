package dev.sessionsidecar.platform;

/** The rule for names and ids: printable text only, so they are safe in a line of output. */
public final class PlainText {

  /** No control characters (tabs and newlines included) and no unpaired surrogates. */
  public static final String PATTERN = "^[^\\p{Cc}\\p{Cs}]*$";

  public static final String RULE = "must not contain control characters";

  private PlainText() {}

  /** The text cut to {@code max} characters, with an ellipsis when it was longer. */
  public static String abbreviate(String text, int max) {
    return text.length() <= max ? text : text.substring(0, max) + "…";
  }
}
