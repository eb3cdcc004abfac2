package dev.sessionsidecar.transcript;

import dev.sessionsidecar.usage.RecordUsageRequest;

/** One API request read from a transcript: its session, the session's working directory, usage. */
record TranscriptRequest(String sessionId, String cwd, RecordUsageRequest usage) {}
