package dev.sessionsidecar.platform;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import com.fasterxml.jackson.databind.deser.std.StringDeserializer;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.type.LogicalType;
import com.fasterxml.jackson.datatype.jsr310.deser.InstantDeserializer;
import io.quarkus.jackson.ObjectMapperCustomizer;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.time.Instant;

/**
 * Makes JSON reading strict: unknown fields, duplicate keys, trailing content and type coercions
 * ("5" or "" for a number, 1.5 for an integer, a number for a timestamp) are errors rather than
 * silent guesses.
 */
@Singleton
public class StrictJson implements ObjectMapperCustomizer {

  /** Last, after Quarkus's own customizer: its Java time module must not replace ours. */
  @Override
  public int priority() {
    return MINIMUM_PRIORITY;
  }

  @Override
  public void customize(ObjectMapper mapper) {
    mapper.enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
    mapper.enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
    mapper.enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES);
    mapper.disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT);
    mapper.enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);
    mapper.disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);
    for (LogicalType type :
        new LogicalType[] {LogicalType.Integer, LogicalType.Float, LogicalType.Boolean}) {
      mapper
          .coercionConfigFor(type)
          .setCoercion(CoercionInputShape.String, CoercionAction.Fail)
          .setCoercion(CoercionInputShape.EmptyString, CoercionAction.Fail);
    }

    mapper
        .coercionConfigFor(LogicalType.Boolean)
        .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail);
    mapper
        .coercionConfigFor(LogicalType.Textual)
        .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
        .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
        .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail);
    mapper.registerModule(
        new SimpleModule("printable-strings")
            .addDeserializer(String.class, new TextDeserializer())
            .addDeserializer(Instant.class, new TimestampDeserializer()));
  }

  /**
   * Timestamps are RFC 3339 strings from 1970 on: a number is no timestamp (it was read as epoch
   * seconds, so 1e308 became 1970 and a huge negative one a failure), and an instant before the
   * epoch is no time an agent worked.
   */
  static final class TimestampDeserializer extends StdScalarDeserializer<Instant> {

    TimestampDeserializer() {
      super(Instant.class);
    }

    @Override
    public Instant deserialize(JsonParser parser, DeserializationContext context)
        throws IOException {
      if (!parser.hasToken(JsonToken.VALUE_STRING) || parser.getText().isBlank()) {
        throw InvalidFormatException.from(
            parser, "not a timestamp", parser.getText(), Instant.class);
      }
      Instant at = InstantDeserializer.INSTANT.deserialize(parser, context);
      if (at != null && at.isBefore(Instant.EPOCH)) {
        throw InvalidFormatException.from(parser, "before 1970", parser.getText(), Instant.class);
      }
      return at;
    }
  }

  /**
   * Strings without NUL characters or unpaired surrogates: PostgreSQL refuses the first, and
   * neither is text a person or a model can read.
   */
  static final class TextDeserializer extends StdScalarDeserializer<String> {

    TextDeserializer() {
      super(String.class);
    }

    @Override
    public String deserialize(JsonParser parser, DeserializationContext context)
        throws IOException {
      String value = StringDeserializer.instance.deserialize(parser, context);
      if (value != null && !isText(value)) {
        throw InvalidFormatException.from(parser, UNREADABLE, value, String.class);
      }
      return value;
    }

    private static boolean isText(String value) {
      for (int i = 0; i < value.length(); i++) {
        char c = value.charAt(i);
        if (c == '\u0000') {
          return false;
        }
        if (Character.isHighSurrogate(c)) {
          if (i + 1 == value.length() || !Character.isLowSurrogate(value.charAt(i + 1))) {
            return false;
          }
          i++;
        } else if (Character.isLowSurrogate(c)) {
          return false;
        }
      }
      return true;
    }
  }

  static final String UNREADABLE = "NUL character or unpaired surrogate";
}
