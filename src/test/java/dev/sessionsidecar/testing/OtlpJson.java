package dev.sessionsidecar.testing;

import static io.restassured.RestAssured.given;

import io.restassured.response.ValidatableResponse;

/** OTLP/JSON requests written by hand for telemetry fixtures, and the way to post them. */
public final class OtlpJson {

  /** 2023-11-14: a fixed time, so that a record sent twice is the same bytes. */
  public static final long FIXED_TIME = 1_700_000_000_000_000_000L;

  private OtlpJson() {}

  /** A string attribute, with a leading comma. */
  public static String text(String key, String value) {
    return ",{\"key\":\"" + key + "\",\"value\":{\"stringValue\":\"" + value + "\"}}";
  }

  /** An integer attribute, with a leading comma. */
  public static String number(String key, long value) {
    return ",{\"key\":\"" + key + "\",\"value\":{\"intValue\":\"" + value + "\"}}";
  }

  /**
   * An agent's event as a log record at {@code timeUnixNano}: its {@code event.name}, its session
   * under {@code sessionKey} ({@code session.id} for Claude Code, {@code conversation.id} for
   * Codex), then the other attributes.
   */
  public static String event(
      long timeUnixNano, String name, String sessionKey, String session, String attributes) {
    return "{\"timeUnixNano\":\""
        + timeUnixNano
        + "\",\"attributes\":["
        + text("event.name", name).substring(1)
        + text(sessionKey, session)
        + attributes
        + "]}";
  }

  /** A logs request of these records, from {@code service} (no resource when it is null). */
  public static String logs(String service, String... records) {
    return request("resourceLogs", "scopeLogs", "logRecords", service, records);
  }

  /** A traces request of these spans, from {@code service} (no resource when it is null). */
  public static String traces(String service, String... spans) {
    return request("resourceSpans", "scopeSpans", "spans", service, spans);
  }

  /** Posts an OTLP/JSON request to {@code /otlp/v1/{signal}}; answers the response to check. */
  public static ValidatableResponse post(String signal, String body) {
    return given().contentType("application/json").body(body).post("/otlp/v1/" + signal).then();
  }

  private static String request(
      String resources, String scopes, String items, String service, String... entries) {
    return "{\"%s\":[{%s\"%s\":[{\"%s\":[%s]}]}]}"
        .formatted(resources, resource(service), scopes, items, String.join(",", entries));
  }

  private static String resource(String service) {
    return service == null
        ? ""
        : "\"resource\":{\"attributes\":[" + text("service.name", service).substring(1) + "]},";
  }
}
