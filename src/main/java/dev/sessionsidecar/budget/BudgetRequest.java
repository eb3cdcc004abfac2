package dev.sessionsidecar.budget;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import dev.sessionsidecar.platform.PlainText;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.util.List;

/**
 * Body of {@code POST /v1/budgets}. {@code period} defaults to {@code session} for a session budget
 * and {@code day} otherwise; {@code thresholds} to 0.5, 0.8, 1; {@code action} to {@code warn};
 * {@code project} (session and project budgets) to the active project, {@code *} for each project.
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record BudgetRequest(
    @NotNull(message = "is required: one of " + BudgetRequest.SCOPES)
        @Pattern(
            regexp = "session|project|instance|fleet",
            message = "must be one of " + BudgetRequest.SCOPES)
        String scope,
    @Pattern(regexp = "session|day|week|month", message = "must be one of " + BudgetRequest.PERIODS)
        String period,
    @BudgetLimits.Usd BigDecimal limitUsd,
    @BudgetLimits.Tokens Long limitTokens,
    List<Double> thresholds,
    @Pattern(regexp = "warn|block", message = "must be one of " + BudgetRequest.ACTIONS)
        String action,
    @Pattern(regexp = PlainText.PATTERN, message = PlainText.RULE)
        @Size(min = 1, max = 1024, message = "must be 1 to 1024 characters")
        String project) {

  static final String SCOPES = "session, project, instance, fleet";
  static final String PERIODS = "session, day, week, month";
  static final String ACTIONS = "warn, block";

  /** The project value that means "each project on its own". */
  static final String EACH_PROJECT = "*";
}
