package dev.sessionsidecar.platform;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.core.exc.StreamReadException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import java.time.Instant;
import java.util.Arrays;
import java.util.Collection;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * Turns Jackson's reading failures into problems that name the JSON field and the expected form,
 * without Java class names.
 */
final class JsonProblems {

  private JsonProblems() {}

  static ApiException toApiException(JsonProcessingException e) {
    if (e instanceof StreamConstraintsException) {
      return new ApiException(
          ProblemCode.MALFORMED_REQUEST,
          "The JSON body exceeds a structural limit (nesting depth, number or string length): "
              + "send a flatter, smaller document.");
    }
    if (e instanceof UnrecognizedPropertyException unknown) {
      return unknownField(unknown);
    }
    if (e instanceof ValueInstantiationException instantiation
        && instantiation.getCause() instanceof ApiException api) {
      return api;
    }
    if (e instanceof MismatchedInputException mismatch) {
      return mismatch.getPath().isEmpty() ? wrongDocument(mismatch) : wrongField(mismatch);
    }
    return new ApiException(
        ProblemCode.MALFORMED_REQUEST,
        "The request body is not valid JSON"
            + location(e)
            + reason(e)
            + ": send one well-formed JSON document (RFC 8259; no NaN, Infinity, comments or"
            + " trailing content).");
  }

  /** A field the target does not have: named, with the fields it has. */
  private static ApiException unknownField(UnrecognizedPropertyException unknown) {
    String known =
        new TreeSet<>(unknown.getKnownPropertyIds().stream().map(String::valueOf).toList())
            .stream().collect(Collectors.joining(", "));
    return ApiException.invalidArgument(
        path(unknown), "unknown field; accepted fields are: " + known);
  }

  /** A field of the wrong type or form: named, with what it must be and what came. */
  private static ApiException wrongField(MismatchedInputException mismatch) {
    String field = path(mismatch);
    if (mismatch instanceof InvalidFormatException format
        && format.getTargetType() == String.class
        && StrictJson.UNREADABLE.equals(format.getOriginalMessage())) {
      return ApiException.invalidArgument(
          field, "must be text without NUL characters or unpaired surrogates");
    }
    String got =
        mismatch instanceof InvalidFormatException format
            ? " (got " + PlainText.abbreviate(String.valueOf(format.getValue()), 80) + ")"
            : "";
    return ApiException.invalidArgument(
        field, "must be " + describe(mismatch.getTargetType()) + got);
  }

  /** A whole body of the wrong shape, or with content after its document. */
  private static ApiException wrongDocument(MismatchedInputException mismatch) {
    if (String.valueOf(mismatch.getOriginalMessage()).startsWith("Trailing token")) {
      return new ApiException(
          ProblemCode.MALFORMED_REQUEST,
          "The request body has content after its JSON document: send exactly one JSON value.");
    }
    return new ApiException(
        ProblemCode.MALFORMED_REQUEST,
        "The request body must be " + describe(mismatch.getTargetType()) + ".");
  }

  private static String location(JsonProcessingException e) {
    if (e.getLocation() == null || e.getLocation().getLineNr() < 0) {
      return "";
    }
    return " (line "
        + e.getLocation().getLineNr()
        + ", column "
        + e.getLocation().getColumnNr()
        + ")";
  }

  /** The parser's own words (they name characters and fields, never Java classes). */
  private static String reason(JsonProcessingException e) {
    String original = e.getOriginalMessage();
    if (!(e instanceof StreamReadException) || original == null) {
      return "";
    }
    return " (" + PlainText.abbreviate(original.lines().findFirst().orElse(""), 80) + ")";
  }

  private static String path(JsonMappingException e) {
    StringBuilder out = new StringBuilder();
    for (JsonMappingException.Reference ref : e.getPath()) {
      if (ref.getFieldName() != null) {
        if (out.length() > 0) {
          out.append('.');
        }
        out.append(ref.getFieldName());
      } else if (ref.getIndex() >= 0) {
        out.append('[').append(ref.getIndex()).append(']');
      }
    }
    return out.length() == 0 ? "body" : out.toString();
  }

  private static final Map<Class<?>, String> SIMPLE_TYPES =
      Map.ofEntries(
          Map.entry(String.class, "a string"),
          Map.entry(Integer.class, "an integer"),
          Map.entry(int.class, "an integer"),
          Map.entry(Long.class, "an integer"),
          Map.entry(long.class, "an integer"),
          Map.entry(Double.class, "a number"),
          Map.entry(double.class, "a number"),
          Map.entry(java.math.BigDecimal.class, "a number"),
          Map.entry(Boolean.class, "true or false"),
          Map.entry(boolean.class, "true or false"),
          Map.entry(
              Instant.class, "an RFC 3339 timestamp from 1970 on, such as 2026-01-31T12:00:00Z"),
          Map.entry(JsonNode.class, "a JSON value"));

  private static String describe(Class<?> type) {
    if (type == null) {
      return "a value of another type";
    }
    String simple = SIMPLE_TYPES.get(type);
    if (simple != null) {
      return simple;
    }
    if (type.isEnum()) {
      return "one of "
          + Arrays.stream(type.getEnumConstants())
              .map(c -> ((Enum<?>) c).name().toLowerCase(Locale.ROOT))
              .collect(Collectors.joining(", "));
    }
    if (type.isArray() || Collection.class.isAssignableFrom(type)) {
      return "a JSON array";
    }
    if (Map.class.isAssignableFrom(type) || type.isRecord()) {
      return "a JSON object";
    }
    return "a value of another type";
  }
}
