package dev.sessionsidecar.platform;

/** Converts Java member names to the snake_case names the JSON API uses. */
public final class JsonNames {

  private JsonNames() {}

  /** {@code projectPath} becomes {@code project_path}. */
  public static String snake(String javaName) {
    StringBuilder out = new StringBuilder(javaName.length() + 4);
    for (char c : javaName.toCharArray()) {
      if (Character.isUpperCase(c)) {
        out.append('_').append(Character.toLowerCase(c));
      } else {
        out.append(c);
      }
    }
    return out.toString();
  }
}
