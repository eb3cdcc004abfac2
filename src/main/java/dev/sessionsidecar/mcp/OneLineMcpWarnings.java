package dev.sessionsidecar.mcp;

import io.quarkus.logging.LoggingFilter;
import java.util.logging.Filter;
import java.util.logging.LogRecord;

/**
 * Keeps the MCP library's log useful: a warning about a malformed client message stays one line
 * (its message names the error; a stack trace per bad request would let one broken client flood the
 * log), and its start-up advice to enable CORS is dropped, since the sidecar checks browser origins
 * itself and a user could do nothing about it.
 */
@LoggingFilter(name = "one-line-mcp-warnings")
public final class OneLineMcpWarnings implements Filter {

  private static final String MCP_LOGGERS = "io.quarkiverse.mcp.server";
  private static final String CORS_ADVICE = "Cross-Origin Resource Sharing (CORS) filter must be";

  @Override
  public boolean isLoggable(LogRecord record) {
    if (record.getLoggerName() != null
        && record.getLoggerName().startsWith(MCP_LOGGERS)
        && record.getMessage() != null
        && record.getMessage().startsWith(CORS_ADVICE)) {
      return false;
    }
    if (record.getThrown() != null
        && record.getLoggerName() != null
        && record.getLoggerName().startsWith(MCP_LOGGERS)
        && record.getLevel().intValue() <= java.util.logging.Level.WARNING.intValue()) {
      record.setThrown(null);
    }
    return true;
  }
}
