package dev.sessionsidecar.inspect;

import com.fasterxml.jackson.databind.JsonNode;
import dev.sessionsidecar.platform.PlainText;
import dev.sessionsidecar.platform.PodNarrowing;
import io.quarkus.qute.TemplateExtension;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** How the page writes times, durations, money, token counts and JSON previews. */
@TemplateExtension
final class PageFormats {

  private static final DateTimeFormatter UTC =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'", Locale.ROOT)
          .withZone(ZoneOffset.UTC);

  private PageFormats() {}

  /** {@code 2026-11-24 12:00:05 UTC}, or a dash. */
  static String utc(Instant instant) {
    return instant == null ? "—" : UTC.format(instant);
  }

  /** {@code 1h 02m}, {@code 3m 05s}, {@code 42s}. */
  static String duration(long seconds) {
    Duration d = Duration.ofSeconds(seconds);
    if (d.toHours() > 0) {
      return String.format(Locale.ROOT, "%dh %02dm", d.toHours(), d.toMinutesPart());
    }
    if (d.toMinutes() > 0) {
      return String.format(Locale.ROOT, "%dm %02ds", d.toMinutes(), d.toSecondsPart());
    }
    return d.toSeconds() + "s";
  }

  /** Dollars with four decimals, as the API's figures are compared at a glance. */
  static String usd(BigDecimal amount) {
    return amount == null ? "—" : "$" + amount.setScale(4, RoundingMode.HALF_UP).toPlainString();
  }

  /** The narrowing as a link's whole query: {@code ?pod=a&namespace=b}, or nothing. */
  static String asQuery(PodNarrowing narrowing) {
    String more = andQuery(narrowing);
    return more.isEmpty() ? "" : "?" + more.substring(1);
  }

  /** The narrowing as parameters to append to a link's query: {@code &pod=a}, or nothing. */
  static String andQuery(PodNarrowing narrowing) {
    return (narrowing.pod() == null ? "" : "&pod=" + urlEncoded(narrowing.pod()))
        + (narrowing.namespace() == null ? "" : "&namespace=" + urlEncoded(narrowing.namespace()));
  }

  /** A value for a query parameter of a link. */
  static String urlEncoded(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8);
  }

  /** Thousands separated: {@code 1,234,567}. */
  static String count(long value) {
    return String.format(Locale.ROOT, "%,d", value);
  }

  /** A fraction as a whole percentage: {@code 0.75} → {@code 75%}. */
  static String percent(double fraction) {
    return Math.round(fraction * 100) + "%";
  }

  /** A one-line preview of JSON, at most 120 characters. */
  static String preview(JsonNode json) {
    return json == null || json.isNull() ? "" : PlainText.abbreviate(json.toString(), 120);
  }
}
