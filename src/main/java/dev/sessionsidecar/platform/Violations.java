package dev.sessionsidecar.platform;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.ElementKind;
import jakarta.validation.Path;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;

/** Turns Bean Validation violations into an invalid-argument problem naming the JSON fields. */
public final class Violations {

  private Violations() {}

  /**
   * One problem for all violations; {@code prefix} locates the validated object in the body, e.g.
   * {@code [3].} for the fourth element of an array.
   */
  public static ApiException toApiException(
      Collection<? extends ConstraintViolation<?>> violations, String prefix) {
    return toApiException(violations, prefix, UnaryOperator.identity());
  }

  /**
   * The same, for an object a door built from a body of another shape: {@code wireName} turns the
   * object's field names into the names the body used.
   */
  public static ApiException toApiException(
      Collection<? extends ConstraintViolation<?>> violations,
      String prefix,
      UnaryOperator<String> wireName) {
    List<Problem.FieldError> errors =
        violations.stream()
            .map(v -> new Problem.FieldError(prefix + wireName.apply(fieldName(v)), v.getMessage()))
            .sorted(Comparator.comparing(Problem.FieldError::field))
            .toList();
    String detail =
        errors.stream().map(e -> e.field() + ": " + e.message()).collect(Collectors.joining("; "));
    return new ApiException(ProblemCode.INVALID_ARGUMENT, detail, errors);
  }

  private static String fieldName(ConstraintViolation<?> violation) {
    String property = null;
    String parameter = null;
    StringBuilder out = new StringBuilder();
    for (Path.Node node : violation.getPropertyPath()) {
      // A node inside a list carries the list's index: evidence[2].excerpt, not evidence.excerpt.
      if (node.isInIterable() && node.getIndex() != null && out.length() > 0) {
        out.append('[').append(node.getIndex()).append(']');
        property = out.toString();
      }
      if (node.getKind() == ElementKind.PROPERTY) {
        if (out.length() > 0) {
          out.append('.');
        }
        out.append(JsonNames.snake(node.getName()));
        property = out.toString();
      } else if (node.getKind() == ElementKind.PARAMETER) {
        parameter = JsonNames.snake(node.getName());
      }
    }
    if (property != null) {
      return property;
    }
    return parameter != null ? parameter : "body";
  }
}
