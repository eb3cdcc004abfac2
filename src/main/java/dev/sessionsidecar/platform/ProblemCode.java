package dev.sessionsidecar.platform;

import java.util.Locale;

/** Stable machine-readable codes carried in every problem body's {@code code} field. */
public enum ProblemCode {
  INVALID_ACTION(400, "Invalid action"),
  INVALID_ARGUMENT(400, "Invalid argument"),
  MALFORMED_REQUEST(400, "Malformed request"),
  NO_ACTIVE_SESSION(409, "No active session"),
  NO_ACTIVE_PROJECT(409, "No active project"),
  FORBIDDEN(403, "Forbidden"),
  NOT_FOUND(404, "Not found"),
  METHOD_NOT_ALLOWED(405, "Method not allowed"),
  NOT_ACCEPTABLE(406, "Not acceptable"),
  CONFLICT(409, "Conflict"),
  PAYLOAD_TOO_LARGE(413, "Payload too large"),
  UNSUPPORTED_MEDIA_TYPE(415, "Unsupported media type"),
  TOO_MANY_REQUESTS(429, "Too many requests"),
  UNAVAILABLE(503, "Service unavailable"),
  INTERNAL_ERROR(500, "Internal error");

  private final int status;
  private final String title;

  ProblemCode(int status, String title) {
    this.status = status;
    this.title = title;
  }

  public int status() {
    return status;
  }

  public String title() {
    return title;
  }

  /** The wire form, e.g. {@code invalid_argument}. */
  public String wireName() {
    return name().toLowerCase(Locale.ROOT);
  }
}
