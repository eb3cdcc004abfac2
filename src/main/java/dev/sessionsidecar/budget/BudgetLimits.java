package dev.sessionsidecar.budget;

import static java.lang.annotation.ElementType.FIELD;
import static java.lang.annotation.ElementType.METHOD;
import static java.lang.annotation.ElementType.PARAMETER;
import static java.lang.annotation.RetentionPolicy.RUNTIME;

import jakarta.validation.Constraint;
import jakarta.validation.Payload;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.lang.annotation.Documented;
import java.lang.annotation.Retention;
import java.lang.annotation.Target;

/** The rules for a budget's limits, shared by creating and changing one. */
final class BudgetLimits {

  static final long MAX_TOKENS = 1_000_000_000_000L;

  private BudgetLimits() {}

  /** A USD limit: more than 0, at most a million, to the 10th decimal. */
  @Documented
  @Constraint(validatedBy = {})
  @Target({FIELD, METHOD, PARAMETER})
  @Retention(RUNTIME)
  @DecimalMin(value = "0", inclusive = false, message = "must be more than 0")
  @DecimalMax(value = "1000000", message = "must be at most 1000000")
  @Digits(integer = 7, fraction = 10, message = "must have at most 10 decimal places")
  @interface Usd {
    String message() default "must be a USD amount";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};
  }

  /** A token limit: 1 to a trillion. */
  @Documented
  @Constraint(validatedBy = {})
  @Target({FIELD, METHOD, PARAMETER})
  @Retention(RUNTIME)
  @Min(value = 1, message = "must be 1 or more")
  @Max(value = MAX_TOKENS, message = "must be at most " + MAX_TOKENS)
  @interface Tokens {
    String message() default "must be a token count";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};
  }
}
