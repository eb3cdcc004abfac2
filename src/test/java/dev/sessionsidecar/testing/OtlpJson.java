package dev.sessionsidecar.testing;

/** OTLP/JSON attributes written by hand, each with a leading comma, for telemetry fixtures. */
public final class OtlpJson {

  private OtlpJson() {}

  public static String text(String key, String value) {
    return ",{\"key\":\"" + key + "\",\"value\":{\"stringValue\":\"" + value + "\"}}";
  }

  public static String number(String key, long value) {
    return ",{\"key\":\"" + key + "\",\"value\":{\"intValue\":\"" + value + "\"}}";
  }
}
