package dev.sessionsidecar.usage;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import dev.sessionsidecar.platform.Page;
import dev.sessionsidecar.platform.PodNarrowing;
import dev.sessionsidecar.platform.QueryParameters;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.math.BigDecimal;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** REST door to the usage ledger. */
@Path("/v1/usage")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "usage")
public class UsageResource {

  static final int MAX_PAGE = 1000;
  static final int MAX_GROUPS = 200;
  static final int MAX_SINCE_DAYS = QueryParameters.MAX_DAYS;

  private final UsageService usage;
  private final UsageQueries queries;

  UsageResource(UsageService usage, UsageQueries queries) {
    this.usage = usage;
    this.queries = queries;
  }

  /**
   * The answer to an array: what was new, and for every record in body order its id and cost (the
   * full records are one GET away; echoing a thousand of them would dwarf the request).
   */
  @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
  public record BatchReply(int created, int repeated, List<Stored> records) {

    static BatchReply of(UsageService.Stored stored) {
      return new BatchReply(
          stored.created(),
          stored.repeated(),
          stored.records().stream()
              .map(r -> new Stored(r.id(), r.requestId(), r.costUsd(), r.costSource()))
              .toList());
    }
  }

  /** One record of an array as the answer lists it. */
  @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
  public record Stored(long id, String requestId, BigDecimal costUsd, String costSource) {}

  /** A summary with its scope. */
  @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
  public record SummaryReply(UsageQueries.Scope scope, UsageFigures usage) {}

  /** Figures per day and model with their scope. */
  @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
  public record DailyReply(UsageQueries.Scope scope, List<UsageQueries.Daily> days) {}

  /** Grouped stats with their scope. */
  @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
  public record StatsReply(
      UsageQueries.Scope scope, String groupBy, List<UsageQueries.Group> groups) {}

  @POST
  @Operation(
      summary = "Record LLM usage",
      description =
          "One record or an array (all or nothing). With request_id a repeat answers the stored"
              + " record and counts nothing twice. 201 when something new was stored, else 200.")
  @RequestBody(
      required = true,
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema =
                  @Schema(
                      oneOf = {RecordUsageRequest.class, RecordUsageRequest[].class},
                      description = "One usage record, or an array of them")))
  public Response record(JsonNode body) throws JsonProcessingException {
    UsageService.Stored stored = usage.record(body);
    int status = stored.created() > 0 ? 201 : 200;
    Object entity = body.isArray() ? BatchReply.of(stored) : stored.records().get(0);
    return Response.status(status).entity(entity).build();
  }

  @GET
  @Operation(summary = "Usage records, newest first")
  public Page<UsageRecordView> list(@Context UriInfo uri) {
    QueryParameters query =
        QueryParameters.of(
            uri, narrowable("session", "provider", "model", "since_days", "limit", "offset"));
    return queries.records(
        scope(query, 0),
        new UsageQueries.RecordFilter(
            query.filter("session"), query.filter("provider"), query.filter("model")),
        query.integer("limit", 50, 1, MAX_PAGE),
        query.integer("offset", 0, 0, Integer.MAX_VALUE - MAX_PAGE));
  }

  @GET
  @Path("/summary")
  @Operation(summary = "Usage totals over since_days (default 30, 0 = all time)")
  public SummaryReply summary(@Context UriInfo uri) {
    QueryParameters query = QueryParameters.of(uri, narrowable("since_days"));
    UsageQueries.Scope scope = scope(query, 30);
    return new SummaryReply(scope, queries.summary(scope));
  }

  @GET
  @Path("/stats")
  @Operation(summary = "Usage per role, provider, model or provider_model")
  public StatsReply stats(@Context UriInfo uri) {
    QueryParameters query = QueryParameters.of(uri, narrowable("group_by", "since_days", "limit"));
    UsageGrouping grouping =
        UsageGrouping.fromWire(query.oneOf("group_by", UsageGrouping.wireNames()))
            .orElse(UsageGrouping.MODEL);
    UsageQueries.Scope scope = scope(query, 30);
    return new StatsReply(
        scope,
        grouping.wireName(),
        queries.stats(scope, grouping, query.integer("limit", 50, 1, MAX_GROUPS)));
  }

  @GET
  @Path("/daily")
  @Operation(
      summary =
          "Usage per day (UTC unless sidecar.usage.time-zone) and model over since_days"
              + " (default 30, 0 = all time)",
      description =
          "Oldest day first; within a day, models by name. Days without usage are absent.")
  public DailyReply daily(@Context UriInfo uri) {
    QueryParameters query = QueryParameters.of(uri, narrowable("since_days"));
    UsageQueries.Scope scope = scope(query, 30);
    return new DailyReply(scope, queries.daily(scope));
  }

  /** The given query parameters plus the pod narrowing every read accepts. */
  private static Set<String> narrowable(String... names) {
    Set<String> accepted = new HashSet<>(PodNarrowing.PARAMETERS);
    accepted.addAll(List.of(names));
    return accepted;
  }

  /** The active project's scope, or every project's on the pods a narrowing selects. */
  private UsageQueries.Scope scope(QueryParameters query, int defaultDays) {
    return queries.scope(
        query.integer("since_days", defaultDays, 0, MAX_SINCE_DAYS), PodNarrowing.of(query));
  }
}
