package dev.sessionsidecar.insight.ponder;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

/**
 * What the pondering reads of one project's recent past: its tool calls in order (by session, then
 * start), each session's cost, and the models without a price.
 */
public record ProjectHistory(
    List<CallSample> calls, Map<String, BigDecimal> sessionCosts, List<UnpricedModel> unpriced) {}
