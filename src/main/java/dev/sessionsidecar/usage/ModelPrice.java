package dev.sessionsidecar.usage;

import java.math.BigDecimal;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The list prices of one model in US dollars per 1,000,000 tokens, keyed as in the price file
 * ({@code input}, {@code cache_read}, {@code output_above_200k}, …); a missing key has no price.
 */
record ModelPrice(String provider, String model, Map<String, BigDecimal> prices) {

  /** The prefix of the fast-mode prices in a row ({@code fast_input}, {@code fast_cache_read}). */
  private static final String FAST = "fast_";

  /** The keys of prices per token, any tier: what fast mode prices anew. */
  private static final Pattern TOKEN_PRICE =
      Pattern.compile("(input|output|cache_read|cache_write|reasoning)");

  Optional<BigDecimal> price(String key) {
    return Optional.ofNullable(prices.get(key));
  }

  /**
   * The prices of a call in fast mode, if the row has them: its {@code fast_*} token prices in
   * place of the others, without long-context tiers, with the row's other prices (per web search,
   * per geography) as they are.
   */
  Optional<ModelPrice> fast() {
    if (!prices.containsKey(FAST + "input") || !prices.containsKey(FAST + "output")) {
      return Optional.empty();
    }
    Map<String, BigDecimal> fast = new HashMap<>();
    prices.forEach(
        (key, value) -> {
          if (key.startsWith(FAST)) {
            fast.put(key.substring(FAST.length()), value);
          } else if (!TOKEN_PRICE.matcher(key).lookingAt()) {
            fast.put(key, value);
          }
        });
    return Optional.of(new ModelPrice(provider, model, Map.copyOf(fast)));
  }
}
