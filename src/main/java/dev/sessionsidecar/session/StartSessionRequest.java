package dev.sessionsidecar.session;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import dev.sessionsidecar.platform.PlainText;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** Body of {@code POST /v1/sessions}: start a new session or resume an existing one. */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record StartSessionRequest(
    @Pattern(regexp = SessionIds.PATTERN, message = SessionIds.RULE) String sessionId,
    @Pattern(regexp = PlainText.PATTERN, message = PlainText.RULE)
        @Size(min = 1, max = 1024, message = "must be 1 to 1024 characters")
        String projectPath,
    @Pattern(regexp = PlainText.PATTERN, message = PlainText.RULE)
        @Size(min = 1, max = 200, message = "must be 1 to 200 characters")
        String projectName,
    @Pattern(
            regexp = "startup|resume|clear|compact|fork",
            message = "must be one of startup, resume, clear, compact, fork")
        String source,
    @Pattern(regexp = SessionIds.PATTERN, message = SessionIds.RULE) String resumedFrom,
    @Pattern(regexp = PlainText.PATTERN, message = PlainText.RULE)
        @Size(max = 256, message = "must be at most 256 characters")
        String branch,
    @Pattern(regexp = PlainText.PATTERN, message = PlainText.RULE)
        @Size(max = 200, message = "must be at most 200 characters")
        String client) {

  static final StartSessionRequest EMPTY =
      new StartSessionRequest(null, null, null, null, null, null, null);

  /** A session an agent's client starts (or resumes) by id, in a project (null: its known one). */
  public static StartSessionRequest forClient(String sessionId, String projectPath, String client) {
    return new StartSessionRequest(sessionId, projectPath, null, null, null, null, client);
  }

  /** The same request without a project: it resumes a session in whichever project it has. */
  public StartSessionRequest withoutProject() {
    return new StartSessionRequest(sessionId, null, null, source, resumedFrom, branch, client);
  }

  /** The same request saying how the session began (startup, resume, clear, compact, fork). */
  public StartSessionRequest withSource(String how) {
    return new StartSessionRequest(
        sessionId, projectPath, projectName, how, resumedFrom, branch, client);
  }
}
