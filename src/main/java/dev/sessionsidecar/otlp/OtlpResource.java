package dev.sessionsidecar.otlp;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.google.protobuf.Message;
import dev.sessionsidecar.platform.ApiException;
import dev.sessionsidecar.platform.PlainText;
import dev.sessionsidecar.platform.ProblemCode;
import dev.sessionsidecar.transcript.TranscriptConfig;
import io.opentelemetry.proto.collector.logs.v1.ExportLogsPartialSuccess;
import io.opentelemetry.proto.collector.logs.v1.ExportLogsServiceRequest;
import io.opentelemetry.proto.collector.logs.v1.ExportLogsServiceResponse;
import io.opentelemetry.proto.collector.metrics.v1.ExportMetricsServiceRequest;
import io.opentelemetry.proto.collector.metrics.v1.ExportMetricsServiceResponse;
import io.opentelemetry.proto.collector.trace.v1.ExportTracePartialSuccess;
import io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceRequest;
import io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceResponse;
import io.opentelemetry.proto.logs.v1.LogRecord;
import io.opentelemetry.proto.logs.v1.ResourceLogs;
import io.opentelemetry.proto.logs.v1.ScopeLogs;
import io.opentelemetry.proto.trace.v1.ResourceSpans;
import io.opentelemetry.proto.trace.v1.ScopeSpans;
import io.opentelemetry.proto.trace.v1.Span;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * An OTLP/HTTP receiver ({@code OTEL_EXPORTER_OTLP_ENDPOINT=http://127.0.0.1:8080/otlp}): GenAI
 * spans and Claude Code events become usage records and tool calls; everything else is accepted and
 * ignored. Items that cannot be stored are reported as a partial success, never as a failure of the
 * batch; only an undecodable body is a 400.
 */
@Path("/otlp/v1")
@Tag(name = "otlp")
public class OtlpResource {

  static final String PROTOBUF = "application/x-protobuf";
  static final String JSON = "application/json";

  private final OtlpRecorder recorder;
  private final GenAiSpans spans;
  private final ClaudeCodeEvents claudeCode;
  private final CodexEvents codex;
  private final ObjectMapper mapper;

  OtlpResource(OtlpRecorder recorder, ObjectMapper mapper, TranscriptConfig transcripts) {
    this.recorder = recorder;
    this.mapper = mapper;
    this.spans = new GenAiSpans(mapper);
    this.claudeCode = new ClaudeCodeEvents(mapper);
    this.codex = new CodexEvents(mapper, transcripts.codex().isPresent());
  }

  @POST
  @Path("/traces")
  @Consumes({PROTOBUF, JSON})
  @Operation(summary = "OTLP traces: GenAI spans become usage records and tool calls")
  public Response traces(byte[] body, @HeaderParam("Content-Type") String type) {
    OtlpEncoding encoding = OtlpEncoding.of(type);
    ExportTraceServiceRequest.Builder request = ExportTraceServiceRequest.newBuilder();
    decode(encoding, body, request, "ExportTraceServiceRequest");
    List<Mapped> items = new ArrayList<>();
    for (ResourceSpans resource : request.getResourceSpansList()) {
      for (ScopeSpans scope : resource.getScopeSpansList()) {
        for (Span span : scope.getSpansList()) {
          Attributes attributes =
              Attributes.of(resource.getResource().getAttributesList(), span.getAttributesList());
          exactly("span", () -> spans.map(span, attributes)).ifPresent(items::add);
        }
      }
    }
    OtlpRecorder.Outcome outcome = recorder.store(items);
    ExportTraceServiceResponse.Builder response = ExportTraceServiceResponse.newBuilder();
    if (outcome.rejected() > 0) {
      response.setPartialSuccess(
          ExportTracePartialSuccess.newBuilder()
              .setRejectedSpans(outcome.rejected())
              .setErrorMessage(outcome.firstError()));
    }
    return reply(encoding, response.build());
  }

  @POST
  @Path("/logs")
  @Consumes({PROTOBUF, JSON})
  @Operation(
      summary =
          "OTLP logs: Claude Code's api_request, api_error and tool_result events, Codex's"
              + " response.completed and tool_result events are recorded")
  public Response logs(byte[] body, @HeaderParam("Content-Type") String type) {
    OtlpEncoding encoding = OtlpEncoding.of(type);
    ExportLogsServiceRequest.Builder request = ExportLogsServiceRequest.newBuilder();
    decode(encoding, body, request, "ExportLogsServiceRequest");
    List<Mapped> items = new ArrayList<>();
    for (ResourceLogs resource : request.getResourceLogsList()) {
      for (ScopeLogs scope : resource.getScopeLogsList()) {
        for (LogRecord log : scope.getLogRecordsList()) {
          Attributes attributes =
              Attributes.of(resource.getResource().getAttributesList(), log.getAttributesList());
          exactly(
                  "log record",
                  () -> claudeCode.map(log, attributes).or(() -> codex.map(log, attributes)))
              .ifPresent(items::add);
        }
      }
    }
    OtlpRecorder.Outcome outcome = recorder.store(items);
    ExportLogsServiceResponse.Builder response = ExportLogsServiceResponse.newBuilder();
    if (outcome.rejected() > 0) {
      response.setPartialSuccess(
          ExportLogsPartialSuccess.newBuilder()
              .setRejectedLogRecords(outcome.rejected())
              .setErrorMessage(outcome.firstError()));
    }
    return reply(encoding, response.build());
  }

  @POST
  @Path("/metrics")
  @Consumes({PROTOBUF, JSON})
  @Operation(
      summary = "OTLP metrics: accepted and ignored",
      description = "Usage comes from spans and events; counting metrics too would count it twice.")
  public Response metrics(byte[] body, @HeaderParam("Content-Type") String type) {
    OtlpEncoding encoding = OtlpEncoding.of(type);
    decode(encoding, body, ExportMetricsServiceRequest.newBuilder(), "ExportMetricsServiceRequest");
    return reply(encoding, ExportMetricsServiceResponse.getDefaultInstance());
  }

  /**
   * What an item maps to, or its rejection when one of its values cannot be read exactly (a count
   * that is not a whole number, a cost below 0, an id too long to keep whole): reported in
   * partialSuccess, never read as a default, a cut or a guess.
   */
  private static Optional<Mapped> exactly(String what, Supplier<Optional<Mapped>> mapping) {
    try {
      return mapping.get();
    } catch (IllegalArgumentException inexact) {
      return Optional.of(new Mapped.Rejected(null, what + ": " + inexact.getMessage()));
    }
  }

  private void decode(OtlpEncoding encoding, byte[] body, Message.Builder builder, String what) {
    try {
      encoding.merge(body == null ? new byte[0] : body, builder, mapper);
    } catch (IOException | RuntimeException undecodable) {
      throw new ApiException(
          ProblemCode.MALFORMED_REQUEST,
          "The body is not an OTLP "
              + what
              + " in "
              + encoding.mediaType()
              + ": "
              + PlainText.abbreviate(String.valueOf(undecodable.getMessage()), 200));
    }
  }

  private static Response reply(OtlpEncoding encoding, Message message) {
    try {
      return Response.ok(encoding.write(message), encoding.mediaType()).build();
    } catch (IOException e) {
      throw new IllegalStateException("An OTLP response could not be written", e);
    }
  }
}
