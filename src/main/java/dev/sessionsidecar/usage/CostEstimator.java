package dev.sessionsidecar.usage;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;

/**
 * Prices one call from its OpenTelemetry token counts: uncached input, cache reads and writes and
 * output each at their own price; long prompts at the tier prices; a missing cache price falls back
 * to the input price; reasoning at its own price only where the table has one; then the factor of
 * the geography the call ran in, and the provider's web searches at their price each. A call in
 * fast mode is priced at the row's {@code fast_*} prices where it has them.
 */
final class CostEstimator {

  private static final BigDecimal PER_MILLION = BigDecimal.valueOf(1_000_000);

  /** Tier thresholds in thousands of input tokens, largest first. */
  private static final List<Integer> TIERS = List.of(272, 200, 128);

  private CostEstimator() {}

  static BigDecimal estimate(ModelPrice row, TokenCounts tokens) {
    // Fast mode has prices of its own and no long-context tier, where the row names them.
    ModelPrice price = "fast".equals(tokens.speed()) ? row.fast().orElse(row) : row;
    String tier = tier(price, tokens.input());
    long uncachedInput = tokens.input() - tokens.cacheRead() - tokens.cacheWrite();
    BigDecimal input = priced(price, "input", tier);
    BigDecimal output = priced(price, "output", tier);
    BigDecimal total =
        input
            .multiply(BigDecimal.valueOf(uncachedInput))
            .add(
                orInput(price, "cache_read", tier, input)
                    .multiply(BigDecimal.valueOf(tokens.cacheRead())))
            .add(cacheWrites(price, tier, input, tokens));
    BigDecimal reasoningPrice = price.price("reasoning").orElse(null);
    long reasoning = Math.min(tokens.reasoning(), tokens.output());
    if (reasoningPrice != null && reasoning > 0) {
      total =
          total
              .add(reasoningPrice.multiply(BigDecimal.valueOf(reasoning)))
              .add(output.multiply(BigDecimal.valueOf(tokens.output() - reasoning)));
    } else {
      total = total.add(output.multiply(BigDecimal.valueOf(tokens.output())));
    }
    BigDecimal tokensCost = total.multiply(geoFactor(price, tokens.inferenceGeo()));
    BigDecimal searches =
        price
            .price("web_search_request")
            .map(perSearch -> perSearch.multiply(BigDecimal.valueOf(tokens.webSearches())))
            .orElse(BigDecimal.ZERO);
    return tokensCost
        .divide(PER_MILLION, 10, RoundingMode.HALF_EVEN)
        .add(searches)
        .setScale(10, RoundingMode.HALF_EVEN);
  }

  /**
   * The factor on the token prices of a call run in {@code geo} (Anthropic bills US-only inference
   * at 1.1 times), 1 where the table names none.
   */
  private static BigDecimal geoFactor(ModelPrice price, String geo) {
    return geo == null
        ? BigDecimal.ONE
        : price.price("inference_geo_" + geo).orElse(BigDecimal.ONE);
  }

  /**
   * 5-minute writes at the cache-write price, 1-hour writes at theirs (twice the input price at
   * Anthropic); a table without a 1-hour price charges them as 5-minute writes.
   */
  private static BigDecimal cacheWrites(
      ModelPrice price, String tier, BigDecimal input, TokenCounts tokens) {
    BigDecimal fiveMinutes = orInput(price, "cache_write", tier, input);
    BigDecimal oneHour =
        price
            .price("cache_write_1h" + tier)
            .or(() -> price.price("cache_write_1h"))
            .orElse(fiveMinutes);
    long longWrites = Math.min(tokens.cacheWrite1h(), tokens.cacheWrite());
    return fiveMinutes
        .multiply(BigDecimal.valueOf(tokens.cacheWrite() - longWrites))
        .add(oneHour.multiply(BigDecimal.valueOf(longWrites)));
  }

  /** The suffix of the highest tier the prompt passes and the row prices, or "" for none. */
  private static String tier(ModelPrice price, long inputTokens) {
    for (int thousands : TIERS) {
      String suffix = "_above_" + thousands + "k";
      if (inputTokens > thousands * 1000L && price.price("input" + suffix).isPresent()) {
        return suffix;
      }
    }
    return "";
  }

  private static BigDecimal priced(ModelPrice price, String field, String tier) {
    return price.price(field + tier).or(() -> price.price(field)).orElseThrow();
  }

  private static BigDecimal orInput(ModelPrice price, String field, String tier, BigDecimal input) {
    return price.price(field + tier).or(() -> price.price(field)).orElse(input);
  }
}
