package dev.sessionsidecar.session;

/**
 * A tool call another intake read for a session (an agent's transcript). {@code resultOnly}: the
 * result of a call whose start was not read (it was read before a restart), which completes the
 * stored call and never starts one, as it does not know the tool.
 */
public record ReportedToolCall(
    String sessionId, RecordToolCallRequest request, boolean resultOnly) {}
