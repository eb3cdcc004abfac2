package dev.sessionsidecar.otlp;

import static dev.sessionsidecar.platform.ProblemAssertions.assertProblem;
import static dev.sessionsidecar.testing.Api.newProject;
import static dev.sessionsidecar.testing.Api.newSession;
import static dev.sessionsidecar.testing.Api.tool;
import static dev.sessionsidecar.testing.OtlpJson.logs;
import static dev.sessionsidecar.testing.OtlpJson.number;
import static dev.sessionsidecar.testing.OtlpJson.post;
import static dev.sessionsidecar.testing.OtlpJson.text;
import static dev.sessionsidecar.testing.OtlpJson.traces;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

import dev.sessionsidecar.testing.OtlpJson;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.logs.Logger;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.exporter.internal.otlp.traces.TraceRequestMarshaler;
import io.opentelemetry.exporter.otlp.http.logs.OtlpHttpLogRecordExporter;
import io.opentelemetry.exporter.otlp.http.trace.OtlpHttpSpanExporter;
import io.opentelemetry.sdk.common.CompletableResultCode;
import io.opentelemetry.sdk.logs.SdkLoggerProvider;
import io.opentelemetry.sdk.logs.data.LogRecordData;
import io.opentelemetry.sdk.logs.export.LogRecordExporter;
import io.opentelemetry.sdk.logs.export.SimpleLogRecordProcessor;
import io.opentelemetry.sdk.resources.Resource;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.SimpleSpanProcessor;
import io.opentelemetry.sdk.trace.export.SpanExporter;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Collection;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The OpenTelemetry Java SDK's own OTLP/HTTP exporters (protobuf, and JSON) send GenAI spans and
 * Claude Code events; every batch is sent twice, as an exporter does when an answer is lost.
 */
@QuarkusTest
class OtlpTest {

  static String endpoint(String signal) {
    return RestAssured.baseURI + ":" + RestAssured.port + "/otlp/v1/" + signal;
  }

  @Test
  void genAiSpansAndClaudeCodeEventsBecomeRecordsOnceEachInBothEncodings() throws Exception {
    String session = newSession(newProject());
    sendSpans(false, session, "anthropic", "claude-sonnet-4-5", "call_1");
    sendSpans(true, session, "openai", "gpt-4o", "call_2");
    sendEvents(session);

    tool(Map.of("action", "usage_list"))
        .statusCode(200)
        .body("data.records", hasSize(3))
        .body(
            "data.records.model",
            containsInAnyOrder("claude-sonnet-4-5", "gpt-4o", "claude-haiku-4-5"))
        .body("data.records.find { it.model == 'claude-haiku-4-5' }.input_tokens", equalTo(600))
        .body("data.records.find { it.model == 'claude-haiku-4-5' }.cost_usd", equalTo(0.0123f))
        .body("data.records.find { it.model == 'claude-haiku-4-5' }.latency_ms", equalTo(900))
        .body("data.records.find { it.model == 'gpt-4o' }.cache_read_tokens", equalTo(200))
        .body("data.records.session_id", containsInAnyOrder(session, session, session));
    tool(Map.of("action", "get_history", "session_id", session))
        .statusCode(200)
        .body("data.tool_calls", hasSize(3))
        .body("data.tool_calls.tool", containsInAnyOrder("Bash", "Bash", "Read"))
        .body(
            "data.tool_calls.find { it.call_id == 'call_1' }.arguments.command", equalTo("ls -la"))
        .body("data.tool_calls.find { it.call_id == 'call_2' }.ok", equalTo(false))
        .body("data.tool_calls.find { it.tool == 'Read' }.duration_ms", equalTo(12));
  }

  @Test
  void undecodableBodiesAre400sAndOtherTypes415() {
    for (String signal : new String[] {"traces", "logs", "metrics"}) {
      assertProblem(
          given()
              .contentType("application/x-protobuf")
              .body(new byte[] {(byte) 0xff, 1, 2})
              .post(endpoint(signal))
              .then(),
          400,
          "malformed_request");
      assertProblem(
          given()
              .contentType("application/json")
              .body("{\"resourceSpans\": [")
              .post(endpoint(signal))
              .then(),
          400,
          "malformed_request");
      given().contentType("text/plain").body("hi").post(endpoint(signal)).then().statusCode(415);
    }
    given()
        .contentType("application/json")
        .body("{}")
        .post(endpoint("metrics"))
        .then()
        .statusCode(200);
  }

  @Test
  void anItemThatCannotBeStoredIsAPartialSuccessNotAFailure() {
    newSession(newProject());
    String batch =
        traces(
            null,
            span("aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa", "bbbbbbbbbbbbbbbb", "execute_tool", ""),
            span("aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa", "cccccccccccccccc", "GET /", ""));
    post("traces", batch)
        .statusCode(200)
        .contentType("application/json")
        .body("partialSuccess.rejectedSpans", equalTo("1"));
  }

  @Test
  void theNewGenAiNamesAreReadAndOldAndNewMustAgree() {
    String session = newSession(newProject());
    String usage =
        ",{\"key\":\"gen_ai.conversation.id\",\"value\":{\"stringValue\":\""
            + session
            + "\"}}"
            + number("gen_ai.usage.input_tokens", 900)
            + number("gen_ai.usage.output_tokens", 300)
            + number("gen_ai.usage.reasoning.output_tokens", 120)
            + ",{\"key\":\"gen_ai.request.model\",\"value\":{\"stringValue\":\"gpt-4o\"}}"
            + ",{\"key\":\"gen_ai.agent.name\",\"value\":{\"stringValue\":\"code reviewer\"}}";
    // A trace id of its own: span ids are request ids, and the test store outlives a run.
    String trace = java.util.UUID.randomUUID().toString().replace("-", "");
    String batch =
        traces(
            null,
            span(
                trace,
                "1111111111111111",
                "chat",
                usage + number("gen_ai.usage.cache_write.input_tokens", 400)),
            span(
                trace,
                "2222222222222222",
                "chat",
                usage
                    + number("gen_ai.usage.cache_write.input_tokens", 400)
                    + number("gen_ai.usage.cache_creation.input_tokens", 300)));
    post("traces", batch)
        .statusCode(200)
        .body("partialSuccess.rejectedSpans", equalTo("1"))
        .body("partialSuccess.errorMessage", containsString("disagree"))
        .body(
            "partialSuccess.errorMessage",
            containsString("gen_ai.usage.cache_write.input_tokens (400)"));
    given()
        .get("/v1/usage?session=" + session)
        .then()
        .body("total", equalTo(1))
        .body("items[0].cache_write_tokens", equalTo(400))
        .body("items[0].reasoning_tokens", equalTo(120))
        .body("items[0].role", equalTo("code-reviewer"));
  }

  @Test
  void claudeCodeRequestIdsErrorsAndItsBetaTracesCountOnce() {
    String session = newSession(newProject());
    String requestId = "req_" + java.util.UUID.randomUUID().toString().replace("-", "");
    String request =
        event(
            "claude_code.api_request",
            session,
            text("request_id", requestId)
                + number("input_tokens", 100)
                + number("output_tokens", 10)
                + text("model", "claude-sonnet-4-5"));
    String error =
        event(
            "claude_code.api_error",
            session,
            text("error", "overloaded")
                + text("status_code", "529")
                + text("model", "claude-sonnet-4-5"));
    for (int sent = 0; sent < 2; sent++) {
      post("logs", logs(null, request, error)).statusCode(200);
    }
    // Claude Code's beta trace of the same call: ignored, the event recorded it.
    sendAgentTrace("claude-code", session, 100, 10);
    given()
        .get("/v1/usage?session=" + session)
        .then()
        .body("total", equalTo(2))
        .body("items.request_id", org.hamcrest.Matchers.hasItem(requestId))
        .body("items.find { it.ok == false }.error", equalTo("529 overloaded"));
  }

  @Test
  void aValueThatCannotBeReadExactlyRejectsItsRecordAndNamesTheAttribute() {
    String session = newSession(newProject());
    Map<String, String> inexact =
        Map.of(
            "input_tokens",
            text("input_tokens", "12abc") + number("output_tokens", 1),
            "output_tokens",
            number("input_tokens", 1)
                + ",{\"key\":\"output_tokens\",\"value\":{\"doubleValue\":1.5}}",
            "cost_usd",
            number("input_tokens", 1) + number("output_tokens", 1) + text("cost_usd", "NaN"),
            "request_id",
            number("input_tokens", 1) + text("request_id", "r".repeat(201)));
    inexact.forEach(
        (attribute, attributes) ->
            post("logs", logs(null, event("claude_code.api_request", session, attributes)))
                .statusCode(200)
                .body("partialSuccess.rejectedLogRecords", equalTo("1"))
                .body("partialSuccess.errorMessage", containsString(attribute)));
    post(
            "logs",
            logs(
                null,
                OtlpJson.event(
                    OtlpJson.FIXED_TIME,
                    "claude_code.api_request",
                    "session.id",
                    "not a session id",
                    number("input_tokens", 1))))
        .statusCode(200)
        .body("partialSuccess.rejectedLogRecords", equalTo("1"))
        .body("partialSuccess.errorMessage", containsString("not a session id"));
    given().get("/v1/usage?session=" + session).then().body("total", equalTo(0));
  }

  private static String event(String name, String session, String attributes) {
    return OtlpJson.event(OtlpJson.FIXED_TIME, name, "session.id", session, attributes);
  }

  /** A chat span of the session with these token counts, as the agent's own traces send it. */
  static void sendAgentTrace(String service, String session, long input, long output) {
    String trace =
        traces(
            service,
            span(
                java.util.UUID.randomUUID().toString().replace("-", ""),
                "3333333333333333",
                "chat",
                text("gen_ai.conversation.id", session)
                    + number("gen_ai.usage.input_tokens", input)
                    + number("gen_ai.usage.output_tokens", output)));
    post("traces", trace).statusCode(200);
  }

  static String span(String traceId, String spanId, String operation, String extra) {
    return "{\"traceId\":\""
        + traceId
        + "\",\"spanId\":\""
        + spanId
        + "\",\"name\":\"x\",\"startTimeUnixNano\":\"1700000000000000000\","
        + "\"endTimeUnixNano\":\"1700000001000000000\",\"attributes\":["
        + (operation.startsWith("GET")
            ? "{\"key\":\"http.method\",\"value\":{\"stringValue\":\"GET\"}}"
            : "{\"key\":\"gen_ai.operation.name\",\"value\":{\"stringValue\":\""
                + operation
                + "\"}}")
        + extra
        + "]}";
  }

  private static void sendSpans(
      boolean json, String session, String provider, String model, String callId) throws Exception {
    SpanExporter otlp =
        json
            ? new JsonSpanExporter(endpoint("traces"))
            : OtlpHttpSpanExporter.builder()
                .setEndpoint(endpoint("traces"))
                .setCompression("gzip")
                .build();
    SdkTracerProvider tracers =
        SdkTracerProvider.builder()
            .setResource(
                Resource.create(Attributes.of(AttributeKey.stringKey("service.name"), "agent")))
            .addSpanProcessor(SimpleSpanProcessor.create(new Twice(otlp)))
            .build();
    Tracer tracer = tracers.get("test");
    Span chat = tracer.spanBuilder("chat " + model).startSpan();
    chat.setAttribute("gen_ai.operation.name", "chat");
    chat.setAttribute("gen_ai.provider.name", provider);
    chat.setAttribute("gen_ai.request.model", model);
    chat.setAttribute("gen_ai.usage.input_tokens", 1000L);
    chat.setAttribute("gen_ai.usage.output_tokens", 50L);
    chat.setAttribute("gen_ai.usage.cache_read.input_tokens", 200L);
    chat.setAttribute("gen_ai.conversation.id", session);
    chat.end();
    Span toolSpan = tracer.spanBuilder("execute_tool Bash").startSpan();
    toolSpan.setAttribute("gen_ai.operation.name", "execute_tool");
    toolSpan.setAttribute("gen_ai.tool.name", "Bash");
    toolSpan.setAttribute("gen_ai.tool.call.id", callId);
    toolSpan.setAttribute("gen_ai.tool.call.arguments", "{\"command\":\"ls -la\"}");
    toolSpan.setAttribute("gen_ai.conversation.id", session);
    if (json) {
      toolSpan.setStatus(StatusCode.ERROR, "exit 2");
    }
    toolSpan.end();
    Span other = tracer.spanBuilder("GET /health").startSpan();
    other.end();
    tracers.forceFlush().join(20, TimeUnit.SECONDS);
    tracers.shutdown().join(20, TimeUnit.SECONDS);
  }

  private static void sendEvents(String session) {
    LogRecordExporter otlp =
        OtlpHttpLogRecordExporter.builder().setEndpoint(endpoint("logs")).build();
    SdkLoggerProvider provider =
        SdkLoggerProvider.builder()
            .addLogRecordProcessor(SimpleLogRecordProcessor.create(new TwiceLogs(otlp)))
            .build();
    Logger logger = provider.get("com.anthropic.claude_code.events");
    logger
        .logRecordBuilder()
        .setAttribute(AttributeKey.stringKey("event.name"), "api_request")
        .setAttribute(AttributeKey.stringKey("session.id"), session)
        .setAttribute(AttributeKey.stringKey("model"), "claude-haiku-4-5")
        .setAttribute(AttributeKey.stringKey("input_tokens"), "100")
        .setAttribute(AttributeKey.stringKey("output_tokens"), "20")
        .setAttribute(AttributeKey.stringKey("cache_read_tokens"), "500")
        .setAttribute(AttributeKey.stringKey("cache_creation_tokens"), "0")
        .setAttribute(AttributeKey.stringKey("cost_usd"), "0.0123")
        .setAttribute(AttributeKey.stringKey("duration_ms"), "900")
        .emit();
    logger
        .logRecordBuilder()
        .setAttribute(AttributeKey.stringKey("event.name"), "tool_result")
        .setAttribute(AttributeKey.stringKey("session.id"), session)
        .setAttribute(AttributeKey.stringKey("tool_name"), "Read")
        .setAttribute(AttributeKey.stringKey("success"), "true")
        .setAttribute(AttributeKey.stringKey("duration_ms"), "12")
        .setAttribute(AttributeKey.stringKey("tool_parameters"), "{\"file_path\":\"/a\"}")
        .emit();
    logger
        .logRecordBuilder()
        .setAttribute(AttributeKey.stringKey("event.name"), "user_prompt")
        .setAttribute(AttributeKey.stringKey("session.id"), session)
        .emit();
    provider.forceFlush().join(20, TimeUnit.SECONDS);
    provider.shutdown().join(20, TimeUnit.SECONDS);
  }

  /**
   * The SDK's OTLP exporter offers JSON only through an internal switch that miscounts the body's
   * length; this sends the SDK's own OTLP/JSON encoding of the spans with the JDK's HTTP client.
   */
  private record JsonSpanExporter(String url) implements SpanExporter {
    @Override
    public CompletableResultCode export(Collection<SpanData> spans) {
      try {
        ByteArrayOutputStream json = new ByteArrayOutputStream();
        TraceRequestMarshaler.create(spans).writeJsonTo(json);
        HttpResponse<String> response =
            HttpClient.newHttpClient()
                .send(
                    HttpRequest.newBuilder(URI.create(url))
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofByteArray(json.toByteArray()))
                        .build(),
                    HttpResponse.BodyHandlers.ofString());
        return response.statusCode() == 200
            ? CompletableResultCode.ofSuccess()
            : CompletableResultCode.ofFailure();
      } catch (IOException | InterruptedException e) {
        return CompletableResultCode.ofFailure();
      }
    }

    @Override
    public CompletableResultCode flush() {
      return CompletableResultCode.ofSuccess();
    }

    @Override
    public CompletableResultCode shutdown() {
      return CompletableResultCode.ofSuccess();
    }
  }

  /** Sends every batch twice, as an exporter retrying after a lost answer would. */
  private record Twice(SpanExporter otlp) implements SpanExporter {
    @Override
    public CompletableResultCode export(Collection<SpanData> spans) {
      otlp.export(spans).join(20, TimeUnit.SECONDS);
      return otlp.export(spans).join(20, TimeUnit.SECONDS);
    }

    @Override
    public CompletableResultCode flush() {
      return otlp.flush();
    }

    @Override
    public CompletableResultCode shutdown() {
      return otlp.shutdown();
    }
  }

  /** The same for log records. */
  private record TwiceLogs(LogRecordExporter otlp) implements LogRecordExporter {
    @Override
    public CompletableResultCode export(Collection<LogRecordData> logs) {
      otlp.export(logs).join(20, TimeUnit.SECONDS);
      return otlp.export(logs).join(20, TimeUnit.SECONDS);
    }

    @Override
    public CompletableResultCode flush() {
      return otlp.flush();
    }

    @Override
    public CompletableResultCode shutdown() {
      return otlp.shutdown();
    }
  }
}
