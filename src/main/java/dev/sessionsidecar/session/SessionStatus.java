package dev.sessionsidecar.session;

/** Life cycle of a session: active, closed after idling (reopens on activity), or ended. */
public enum SessionStatus {
  ACTIVE,
  IDLE_CLOSED,
  COMPLETED;

  public String wireName() {
    return name().toLowerCase(java.util.Locale.ROOT);
  }
}
