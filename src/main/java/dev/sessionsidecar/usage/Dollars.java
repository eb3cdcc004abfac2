package dev.sessionsidecar.usage;

import java.math.BigDecimal;

/** Dollar amounts as the API shows them: no trailing zeros, never in exponent form. */
final class Dollars {

  private Dollars() {}

  static BigDecimal plain(BigDecimal amount) {
    BigDecimal stripped = amount.stripTrailingZeros();
    return stripped.scale() < 0 ? stripped.setScale(0) : stripped;
  }
}
