package dev.sessionsidecar.platform;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import io.quarkus.logging.Log;
import jakarta.validation.ConstraintViolationException;
import jakarta.ws.rs.NotAcceptableException;
import jakarta.ws.rs.NotAllowedException;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.NotSupportedException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/** Maps every failure that reaches the REST layer to an RFC 9457 problem; never a stack trace. */
public class ProblemMappers {

  /** How long a client should wait after a storage failure. */
  static final int STORAGE_RETRY_SECONDS = 5;

  private final StoreSelection store;
  private final StorageTrouble storageTrouble;

  private final int poolSize;
  private final Duration acquisitionTimeout;

  ProblemMappers(
      StoreSelection store,
      StorageTrouble storageTrouble,
      @ConfigProperty(name = "quarkus.datasource.jdbc.max-size") int poolSize,
      @ConfigProperty(name = "quarkus.datasource.jdbc.acquisition-timeout")
          Duration acquisitionTimeout) {
    this.store = store;
    this.storageTrouble = storageTrouble;
    this.poolSize = poolSize;
    this.acquisitionTimeout = acquisitionTimeout;
  }

  @ServerExceptionMapper
  public Response api(ApiException e, UriInfo uri) {
    Response response =
        respond(Problem.of(e.code(), e.getMessage(), path(uri), e.errors(), e.current()));
    if (e.retryAfterSeconds() != null) {
      response.getHeaders().putSingle("Retry-After", e.retryAfterSeconds());
    }
    return response;
  }

  @ServerExceptionMapper
  public Response json(JsonProcessingException e, UriInfo uri) {
    return api(JsonProblems.toApiException(e), uri);
  }

  /** Declared apart so it wins over the REST layer's own mapper for this exception type. */
  @ServerExceptionMapper
  public Response mismatch(MismatchedInputException e, UriInfo uri) {
    return json(e, uri);
  }

  @ServerExceptionMapper
  public Response validation(ConstraintViolationException e, UriInfo uri) {
    return api(Violations.toApiException(e.getConstraintViolations(), ""), uri);
  }

  @ServerExceptionMapper
  public Response web(WebApplicationException e, UriInfo uri) {
    ApiException mapped;
    if (e.getCause() instanceof JsonProcessingException json) {
      return json(json, uri);
    } else if (e instanceof NotFoundException) {
      mapped =
          ApiException.notFound("No resource at " + path(uri) + ": see /q/openapi for the API.");
    } else if (e instanceof NotAllowedException) {
      mapped =
          new ApiException(
              ProblemCode.METHOD_NOT_ALLOWED,
              "This HTTP method is not allowed on " + path(uri) + ": see /q/openapi for the API.");
    } else if (e instanceof NotSupportedException) {
      mapped =
          new ApiException(
              ProblemCode.UNSUPPORTED_MEDIA_TYPE,
              "Send the body as application/json (Content-Type: application/json).");
    } else if (e instanceof NotAcceptableException) {
      mapped =
          new ApiException(
              ProblemCode.NOT_ACCEPTABLE, "This resource answers application/json only.");
    } else if (e.getResponse().getStatus() == 413) {
      mapped = new ApiException(ProblemCode.PAYLOAD_TOO_LARGE, BodySizeLimit.DETAIL);
    } else if (e.getResponse().getStatus() < 500) {
      mapped = new ApiException(ProblemCode.MALFORMED_REQUEST, "The request could not be read.");
    } else {
      return unexpected(e, uri);
    }
    return api(mapped, uri);
  }

  @ServerExceptionMapper
  public Response unexpected(Throwable e, UriInfo uri) {
    if (storageTrouble.seenIn(e)) {
      Log.warnf("Storage failure on %s: %s", path(uri), e.toString());
      return api(
          new ApiException(
                  ProblemCode.UNAVAILABLE,
                  storeTrouble(e)
                      + "; nothing of this request was stored. Try again in "
                      + STORAGE_RETRY_SECONDS
                      + " seconds.")
              .withRetryAfter(STORAGE_RETRY_SECONDS),
          uri);
    }
    String incident = UUID.randomUUID().toString();
    Log.errorf(e, "Unexpected failure on %s (incident %s)", path(uri), incident);
    return respond(
        Problem.of(
            ProblemCode.INTERNAL_ERROR,
            "The sidecar failed unexpectedly; the failure is logged as incident " + incident + ".",
            path(uri),
            List.of()));
  }

  private String storeTrouble(Throwable failure) {
    if (StorageFailure.poolBusy(failure)) {
      return "No connection to the store came free within "
          + acquisitionTimeout.toMillis()
          + " ms: all "
          + poolSize
          + " of this sidecar's connections (sidecar.postgresql.pool-size) were in use";
    }
    if (StorageFailure.serverFull(failure)) {
      return "The PostgreSQL server refuses new connections (too many clients: its"
          + " max_connections are used up; see docs/capacity.md)";
    }
    return store.store() == Store.H2
        ? "The data directory cannot be written now (disk full or failing)"
        : "The PostgreSQL database cannot take writes now (server down, restarting, unreachable,"
            + " read-only or full)";
  }

  static Response respond(Problem problem) {
    return Response.status(problem.status()).type(Problem.MEDIA_TYPE).entity(problem).build();
  }

  private static String path(UriInfo uri) {
    return uri == null ? null : uri.getRequestUri().getRawPath();
  }
}
