package dev.sessionsidecar.session;

import java.time.Instant;

/** Which sessions a listing wants; a null part does not filter. */
public record SessionFilter(String projectPath, SessionStatus status, Instant activeSince) {}
