package dev.sessionsidecar.usage;

import java.time.DateTimeException;
import java.time.ZoneId;
import org.eclipse.microprofile.config.spi.Converter;

/** Reads a time zone setting, saying what is allowed when the value is not a zone. */
public final class TimeZoneConverter implements Converter<ZoneId> {

  @Override
  public ZoneId convert(String value) {
    try {
      return ZoneId.of(value.strip());
    } catch (DateTimeException e) {
      throw new IllegalArgumentException(
          "'" + value + "' is not a time zone: give an IANA zone id such as UTC or Europe/Berlin");
    }
  }
}
