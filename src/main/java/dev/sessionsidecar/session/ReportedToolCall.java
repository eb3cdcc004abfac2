package dev.sessionsidecar.session;

/**
 * A tool call another intake read for a session (an agent's transcript). {@code resultOnly}: the
 * result of a call whose start was not read (it was read before a restart), which completes the
 * stored call and never starts one, as it does not know the tool. {@code asTheModelSawIt}: named
 * and described as the model's API has it (Codex's rollouts: {@code exec_command} with {@code
 * {"cmd"}}), as telemetry does, so that what the agent's hooks say of the call replaces it.
 */
public record ReportedToolCall(
    String sessionId, RecordToolCallRequest request, boolean resultOnly, boolean asTheModelSawIt) {

  /** A call as the agent itself names it (Claude Code's transcripts, which hooks agree with). */
  public ReportedToolCall(String sessionId, RecordToolCallRequest request, boolean resultOnly) {
    this(sessionId, request, resultOnly, false);
  }
}
