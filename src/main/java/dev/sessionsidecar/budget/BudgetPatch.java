package dev.sessionsidecar.budget;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import jakarta.validation.constraints.Pattern;
import java.math.BigDecimal;
import java.util.List;

/**
 * Body of {@code PATCH /v1/budgets/{id}}: the limits, thresholds or action to change; what a budget
 * caps (scope, period, project) stays, so its alerts keep their meaning.
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record BudgetPatch(
    @BudgetLimits.Usd BigDecimal limitUsd,
    @BudgetLimits.Tokens Long limitTokens,
    List<Double> thresholds,
    @Pattern(regexp = "warn|block", message = "must be one of " + BudgetRequest.ACTIONS)
        String action) {}
