package dev.sessionsidecar.platform;

import jakarta.ws.rs.core.HttpHeaders;

/**
 * For POST actions that take an optional JSON body (end, dismiss, restore, cancel): any content
 * type is accepted when there is no body, so a bare {@code curl -XPOST} works; a body that is not
 * JSON is a 415.
 */
public final class NoBody {

  private NoBody() {}

  public static void require(HttpHeaders headers) {
    if (headers.getLength() > 0) {
      throw new ApiException(
          ProblemCode.UNSUPPORTED_MEDIA_TYPE,
          "Send the body as application/json (Content-Type: application/json), or no body.");
    }
  }
}
