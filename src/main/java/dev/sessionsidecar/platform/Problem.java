package dev.sessionsidecar.platform;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/**
 * An RFC 9457 problem body with the sidecar's stable {@code code}, for field errors the offending
 * fields, and for conflicts the resource as it is now ({@code current}).
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record Problem(
    String type,
    String title,
    int status,
    String detail,
    String code,
    String instance,
    List<FieldError> errors,
    Object current) {

  public static final String MEDIA_TYPE = "application/problem+json";

  /** One field that was wrong and why. */
  public record FieldError(String field, String message) {}

  static Problem of(ProblemCode code, String detail, String instance, List<FieldError> errors) {
    return of(code, detail, instance, errors, null);
  }

  static Problem of(
      ProblemCode code, String detail, String instance, List<FieldError> errors, Object current) {
    return new Problem(
        "urn:session-sidecar:problem:" + code.wireName(),
        code.title(),
        code.status(),
        detail,
        code.wireName(),
        instance,
        errors,
        current);
  }
}
