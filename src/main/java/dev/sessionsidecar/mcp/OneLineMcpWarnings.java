package dev.sessionsidecar.mcp;

import io.quarkus.logging.LoggingFilter;
import java.util.logging.Filter;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.regex.Pattern;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logmanager.ExtLogRecord;

/**
 * Keeps the MCP library's log useful: a warning about a malformed client message stays one line
 * (its message names the error; a stack trace per bad request would let one broken client flood the
 * log), its start-up advice to enable CORS is dropped, since the sidecar checks browser origins
 * itself and a user could do nothing about it, and its list of endpoints does not offer the legacy
 * SSE one while {@link LegacySseTransport} keeps it closed.
 */
@LoggingFilter(name = "one-line-mcp-warnings")
public final class OneLineMcpWarnings implements Filter {

  private static final String MCP_LOGGERS = "io.quarkiverse.mcp.server";
  private static final String CORS_ADVICE = "Cross-Origin Resource Sharing (CORS) filter must be";
  private static final Pattern SSE_ENDPOINT = Pattern.compile(", SSE: [^\\]]*\\]");
  private static final String SSE_CLOSED = "; legacy SSE off: sidecar.mcp.legacy-sse]";

  private final boolean legacySse;

  public OneLineMcpWarnings(
      @ConfigProperty(name = "sidecar.mcp.legacy-sse", defaultValue = "false") boolean legacySse) {
    this.legacySse = legacySse;
  }

  @Override
  public boolean isLoggable(LogRecord record) {
    if (!fromMcp(record)) {
      return true;
    }
    String message = record.getMessage();
    if (message != null && message.startsWith(CORS_ADVICE)) {
      return false;
    }
    if (!legacySse
        && message != null
        && message.contains(", SSE: ")
        && record instanceof ExtLogRecord ext) {
      ext.setMessage(SSE_ENDPOINT.matcher(message).replaceFirst(SSE_CLOSED), ext.getFormatStyle());
    }
    if (record.getThrown() != null && record.getLevel().intValue() <= Level.WARNING.intValue()) {
      record.setThrown(null);
    }
    return true;
  }

  private static boolean fromMcp(LogRecord record) {
    return record.getLoggerName() != null && record.getLoggerName().startsWith(MCP_LOGGERS);
  }
}
