package dev.sessionsidecar.platform;

/** The rule for names and ids: printable text only, so they are safe in a line of output. */
public final class PlainText {

  /** No control characters (tabs and newlines included) and no unpaired surrogates. */
  public static final String PATTERN = "^[^\\p{Cc}\\p{Cs}]*$";

  public static final String RULE = "must not contain control characters";

  private PlainText() {}

  /**
   * The text on one line: runs of whitespace, control characters and unpaired surrogates become one
   * space, the ends are stripped, and it is cut to at most {@code max} characters, an ellipsis
   * included, when it was longer (so it fits a column of that size). Null stays null.
   */
  public static String oneLine(String text, int max) {
    if (text == null) {
      return null;
    }
    return abbreviate(text.replaceAll("[\\s\\p{Cc}\\p{Cs}]+", " ").strip(), max);
  }

  /** The text cut to at most {@code max} characters, the last an ellipsis when it was longer. */
  public static String abbreviate(String text, int max) {
    return text.length() <= max ? text : text.substring(0, max - 1) + "…";
  }
}
