package dev.sessionsidecar.usage;

import java.math.BigDecimal;
import java.util.Map;
import java.util.Optional;

/**
 * The list prices of one model in US dollars per 1,000,000 tokens, keyed as in the price file
 * ({@code input}, {@code cache_read}, {@code output_above_200k}, …); a missing key has no price.
 */
record ModelPrice(String provider, String model, Map<String, BigDecimal> prices) {

  Optional<BigDecimal> price(String key) {
    return Optional.ofNullable(prices.get(key));
  }
}
