package dev.sessionsidecar.platform;

import java.util.List;

/** A failure that the caller can act on; rendered as a problem with its code and detail. */
public class ApiException extends RuntimeException {

  private final ProblemCode code;
  private final transient List<Problem.FieldError> errors;
  private transient Object current;
  private Integer retryAfterSeconds;

  public ApiException(ProblemCode code, String detail) {
    this(code, detail, List.of());
  }

  public ApiException(ProblemCode code, String detail, List<Problem.FieldError> errors) {
    super(detail, null, false, false);
    this.code = code;
    this.errors = errors;
  }

  public ProblemCode code() {
    return code;
  }

  public List<Problem.FieldError> errors() {
    return errors;
  }

  /** The resource as it is now, shown in the problem (e.g. the task a conflict is about). */
  public ApiException withCurrent(Object resource) {
    this.current = resource;
    return this;
  }

  public Object current() {
    return current;
  }

  /** Tells the caller when to try again (the Retry-After header). */
  public ApiException withRetryAfter(int seconds) {
    this.retryAfterSeconds = seconds;
    return this;
  }

  public Integer retryAfterSeconds() {
    return retryAfterSeconds;
  }

  /** A bad value for one named field or argument. */
  public static ApiException invalidArgument(String field, String message) {
    return new ApiException(
        ProblemCode.INVALID_ARGUMENT,
        field + ": " + message,
        List.of(new Problem.FieldError(field, message)));
  }

  public static ApiException notFound(String detail) {
    return new ApiException(ProblemCode.NOT_FOUND, detail);
  }
}
