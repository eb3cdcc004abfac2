package dev.sessionsidecar.session;

import dev.sessionsidecar.platform.WireName;

/** Life cycle of a session: active, closed after idling (reopens on activity), or ended. */
public enum SessionStatus implements WireName {
  ACTIVE,
  IDLE_CLOSED,
  COMPLETED;
}
