package dev.sessionsidecar.otlp;

import io.opentelemetry.proto.logs.v1.LogRecord;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.HexFormat;

/** What every agent's log events need: when they happened, and an id when they carry none. */
final class LogRecords {

  private LogRecords() {}

  /**
   * The event's name: its {@code event.name} attribute, else the record's own event name. The
   * attribute comes first because Codex 0.171 fills the record's field with a code location ({@code
   * event otel/src/events/session_telemetry.rs:1187}) and names the event only there.
   */
  static String name(LogRecord log, Attributes a) {
    String attribute = a.text("event.name");
    return attribute != null ? attribute : log.getEventName().isEmpty() ? null : log.getEventName();
  }

  /** {@code event.timestamp} when it is ISO-8601, else the record's time, else when it was seen. */
  static Instant time(LogRecord log, Attributes a) {
    String stamp = a.text("event.timestamp");
    if (stamp != null) {
      try {
        return Instant.parse(stamp);
      } catch (DateTimeParseException notIso) {
        // fall back to the record's own time
      }
    }
    Instant at = GenAiSpans.nanos(log.getTimeUnixNano());
    return at != null ? at : GenAiSpans.nanos(log.getObservedTimeUnixNano());
  }

  /**
   * An id for a record that has none: a hash of its bytes, so an exporter's retry, which sends the
   * same bytes, counts once.
   */
  static String fallbackId(LogRecord log) {
    try {
      byte[] digest = MessageDigest.getInstance("SHA-256").digest(log.toByteArray());
      return "otlp-log-" + HexFormat.of().formatHex(digest, 0, 16);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is always available", e);
    }
  }
}
