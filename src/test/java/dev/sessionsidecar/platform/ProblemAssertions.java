package dev.sessionsidecar.platform;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;

import io.restassured.response.ValidatableResponse;

/** Checks that a response is an RFC 9457 problem with a given status and code, and no internals. */
public final class ProblemAssertions {

  private ProblemAssertions() {}

  public static ValidatableResponse assertProblem(
      ValidatableResponse response, int status, String code) {
    return response
        .statusCode(status)
        .contentType(startsWith("application/problem+json"))
        .body("status", equalTo(status))
        .body("code", equalTo(code))
        .body("type", equalTo("urn:session-sidecar:problem:" + code))
        .body(not(containsString("Exception")))
        .body(not(containsString("dev.sessionsidecar")))
        .body(not(containsString("\tat ")));
  }
}
