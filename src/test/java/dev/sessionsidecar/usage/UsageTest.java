package dev.sessionsidecar.usage;

import static dev.sessionsidecar.platform.ProblemAssertions.assertProblem;
import static dev.sessionsidecar.testing.Api.concurrently;
import static dev.sessionsidecar.testing.Api.newProject;
import static dev.sessionsidecar.testing.Api.newSession;
import static dev.sessionsidecar.testing.Api.tool;
import static dev.sessionsidecar.testing.Api.with;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sessionsidecar.testing.Promtool;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.config.JsonPathConfig;
import io.restassured.response.ValidatableResponse;
import java.math.BigDecimal;
import java.net.URL;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
class UsageTest {

  @TestHTTPResource(value = "/metrics", management = true)
  URL metrics;

  String session;

  @BeforeEach
  void freshProject() {
    session = newSession(newProject());
  }

  static ValidatableResponse post(Object body) {
    return given().contentType(ContentType.JSON).body(body).post("/v1/usage").then();
  }

  static Map<String, Object> call(String provider, String model, long input, long output) {
    Map<String, Object> record = new HashMap<>();
    record.put("provider", provider);
    record.put("model", model);
    record.put("input_tokens", input);
    record.put("output_tokens", output);
    return record;
  }

  static BigDecimal decimal(ValidatableResponse response, String path) {
    return new BigDecimal(
        response
            .extract()
            .jsonPath(
                JsonPathConfig.jsonPathConfig()
                    .numberReturnType(JsonPathConfig.NumberReturnType.BIG_DECIMAL))
            .getString(path));
  }

  static ValidatableResponse summary() {
    return tool(Map.of("action", "usage_summary")).statusCode(200);
  }

  @Test
  void cachedInputIsPricedAtTheCacheReadPrice() {
    // claude-sonnet-4-5: input 3, cache read 0.30, output 15 USD per million tokens.
    ValidatableResponse stored =
        post(with(call("Anthropic", "claude-sonnet-4-5", 10_000, 500), "cache_read_tokens", 8_000))
            .statusCode(201)
            .body("provider", equalTo("anthropic"))
            .body("cost_source", equalTo("estimated"))
            .body("price_version", equalTo("2026-12-07.1"))
            .body("session_id", equalTo(session));
    // 2,000 x 3 + 8,000 x 0.30 + 500 x 15 = 15,900 micro-dollars
    assertEquals(0, new BigDecimal("0.0159").compareTo(decimal(stored, "cost_usd")));
  }

  @Test
  void oneHourCacheWritesArePricedAtTheirOwnPrice() {
    // claude-sonnet-4-5: input 3, 5-minute writes 3.75, 1-hour writes 6 USD per million tokens.
    Map<String, Object> writes =
        with(call("anthropic", "claude-sonnet-4-5", 10_000, 0), "cache_write_tokens", 10_000);
    ValidatableResponse unsplit = post(writes).statusCode(201);
    ValidatableResponse split =
        post(with(writes, "cache_write_1h_tokens", 4_000))
            .statusCode(201)
            .body("cache_write_1h_tokens", equalTo(4_000));
    // 10,000 x 3.75 = 37,500; 6,000 x 3.75 + 4,000 x 6 = 46,500 micro-dollars
    assertEquals(0, new BigDecimal("0.0375").compareTo(decimal(unsplit, "cost_usd")));
    assertEquals(0, new BigDecimal("0.0465").compareTo(decimal(split, "cost_usd")));
    assertProblem(post(with(writes, "cache_write_1h_tokens", 10_001)), 400, "invalid_argument")
        .body("errors[0].field", equalTo("cache_write_1h_tokens"));
    assertProblem(post(with(writes, "cache_write_1h_tokens", -1)), 400, "invalid_argument")
        .body("errors[0].field", equalTo("cache_write_1h_tokens"));
  }

  @Test
  void webSearchesAndUsOnlyInferenceArePricedAsAnthropicBillsThem() {
    // claude-sonnet-4-5: input 3, output 15 USD per million tokens; $0.01 a search; US-only 1.1x.
    Map<String, Object> call = call("anthropic", "claude-sonnet-4-5", 10_000, 500);
    ValidatableResponse searched =
        post(with(call, "web_search_requests", 3))
            .statusCode(201)
            .body("web_search_requests", equalTo(3));
    ValidatableResponse inTheUs =
        post(with(call, "web_search_requests", 3, "inference_geo", "us"))
            .statusCode(201)
            .body("inference_geo", equalTo("us"));
    ValidatableResponse global = post(with(call, "inference_geo", "global")).statusCode(201);
    // 10,000 x 3 + 500 x 15 = 37,500 micro-dollars; + 3 x $0.01; in the US 41,250 + $0.03
    assertEquals(0, new BigDecimal("0.0675").compareTo(decimal(searched, "cost_usd")));
    assertEquals(0, new BigDecimal("0.07125").compareTo(decimal(inTheUs, "cost_usd")));
    assertEquals(0, new BigDecimal("0.0375").compareTo(decimal(global, "cost_usd")));
    assertProblem(post(with(call, "web_search_requests", -1)), 400, "invalid_argument")
        .body("errors[0].field", equalTo("web_search_requests"));
    assertProblem(post(with(call, "inference_geo", "U S")), 400, "invalid_argument")
        .body("errors[0].field", equalTo("inference_geo"));
  }

  @Test
  void fastModeIsPricedAtTheRowsFastPrices() {
    // claude-opus-4-6 fast: $30 input, $150 output, $3 cache read, $37.50 and $60 cache writes.
    Map<String, Object> call =
        with(
            call("anthropic", "claude-opus-4-6", 300_000, 1_000),
            "cache_read_tokens",
            100_000,
            "cache_write_tokens",
            100_000,
            "cache_write_1h_tokens",
            40_000);
    ValidatableResponse fast =
        post(with(call, "speed", "fast")).statusCode(201).body("speed", equalTo("fast"));
    // 100,000 x 30 + 100,000 x 3 + 60,000 x 37.5 + 40,000 x 60 + 1,000 x 150 = 8,100,000 micro-$
    assertEquals(0, new BigDecimal("8.1").compareTo(decimal(fast, "cost_usd")));
    ValidatableResponse standard = post(with(call, "speed", "standard")).statusCode(201);
    assertEquals(0, decimal(standard, "cost_usd").compareTo(decimal(post(call), "cost_usd")));
    assertTrue(decimal(standard, "cost_usd").compareTo(decimal(fast, "cost_usd")) < 0);
    // A model whose row has no fast prices is priced at its standard ones, as Claude Code does.
    Map<String, Object> haiku = call("anthropic", "claude-haiku-4-5", 1_000, 100);
    assertEquals(
        0,
        decimal(post(haiku), "cost_usd")
            .compareTo(decimal(post(with(haiku, "speed", "fast")), "cost_usd")));
    assertProblem(post(with(call, "speed", "turbo")), 400, "invalid_argument")
        .body("errors[0].field", equalTo("speed"))
        .body("errors[0].message", containsString("standard or fast"));
  }

  @Test
  void aRepeatFillsWhatTheFirstReportLacked() {
    // A transcript knows the 1-hour split, telemetry the agent's own cost: one record gets both.
    Map<String, Object> telemetry =
        with(
            call("anthropic", "claude-sonnet-4-5", 10_000, 100),
            "request_id",
            "req-" + UUID.randomUUID(),
            "cache_write_tokens",
            10_000);
    post(telemetry).statusCode(201).body("cost_source", equalTo("estimated"));
    ValidatableResponse filled =
        post(with(telemetry, "cache_write_1h_tokens", 4_000))
            .statusCode(200)
            .body("cache_write_1h_tokens", equalTo(4_000));
    // re-estimated: 6,000 x 3.75 + 4,000 x 6 + 100 x 15 = 48,000 micro-dollars
    assertEquals(0, new BigDecimal("0.048").compareTo(decimal(filled, "cost_usd")));
    post(with(telemetry, "cost_usd", 0.05))
        .statusCode(200)
        .body("cost_source", equalTo("reported"))
        .body("cache_write_1h_tokens", equalTo(4_000));
    ValidatableResponse s =
        summary()
            .body("data.usage.requests", equalTo(1))
            .body("data.usage.reported_cost_requests", equalTo(1))
            .body("data.usage.estimated_cost_requests", equalTo(0));
    assertEquals(0, new BigDecimal("0.05").compareTo(decimal(s, "data.usage.cost_usd")));
  }

  @Test
  void longPromptsUseTheTierPrices() {
    // above 200k input: 6 and 22.5 USD per million
    ValidatableResponse stored =
        post(call("anthropic", "claude-sonnet-4-5", 300_000, 1_000)).statusCode(201);
    assertEquals(0, new BigDecimal("1.8225").compareTo(decimal(stored, "cost_usd")));
  }

  @Test
  void aliasesAndDatedSnapshotsResolveToTheListedModel() {
    ValidatableResponse alias =
        post(call("anthropic", "claude-haiku-4-5-20251001", 1_000_000, 0)).statusCode(201);
    assertEquals(0, BigDecimal.ONE.compareTo(decimal(alias, "cost_usd")));
    ValidatableResponse dated =
        post(call("anthropic", "claude-haiku-4-5-20991231", 1_000_000, 0)).statusCode(201);
    assertEquals(0, BigDecimal.ONE.compareTo(decimal(dated, "cost_usd")));
  }

  @Test
  void aMissingCachePriceFallsBackToTheInputPrice() {
    // mistral-large-latest has no cache-read price: cached input is billed as input.
    ValidatableResponse plain =
        post(call("mistral", "mistral-large-latest", 1_000, 0)).statusCode(201);
    ValidatableResponse cached =
        post(with(call("mistral", "mistral-large-latest", 1_000, 0), "cache_read_tokens", 1_000))
            .statusCode(201);
    assertEquals(0, decimal(plain, "cost_usd").compareTo(decimal(cached, "cost_usd")));
  }

  @Test
  void reportedEstimatedAndUnknownCostsAreToldApart() {
    post(with(call("openai", "gpt-4o", 1_000, 100), "cost_usd", 0.25))
        .statusCode(201)
        .body("cost_source", equalTo("reported"));
    post(call("openai", "gpt-4o", 1_000, 100)).statusCode(201);
    post(call("acme", "mystery-model", 1_000, 100))
        .statusCode(201)
        .body("cost_source", equalTo("unknown"))
        .body("cost_usd", nullValue());
    ValidatableResponse s =
        summary()
            .body("data.usage.requests", equalTo(3))
            .body("data.usage.reported_cost_requests", equalTo(1))
            .body("data.usage.estimated_cost_requests", equalTo(1))
            .body("data.usage.unknown_cost_requests", equalTo(1))
            .body("text", containsString("1 requests of unknown cost not included"));
    // gpt-4o: 1,000 x 2.5 + 100 x 10 = 3,500 micro-dollars
    assertEquals(
        0, new BigDecimal("0.0035").compareTo(decimal(s, "data.usage.estimated_cost_usd")));
    assertEquals(0, new BigDecimal("0.2535").compareTo(decimal(s, "data.usage.cost_usd")));
  }

  @Test
  void aRepeatedRequestIdCountsOnce() {
    Map<String, Object> record =
        with(call("openai", "gpt-4o", 100, 10), "request_id", "req-" + UUID.randomUUID());
    int id = post(record).statusCode(201).extract().path("id");
    post(record).statusCode(200).body("id", equalTo(id));
    post(List.of(record, record))
        .statusCode(200)
        .body("created", equalTo(0))
        .body("repeated", equalTo(2));
    summary().body("data.usage.requests", equalTo(1)).body("data.usage.input_tokens", equalTo(100));
  }

  @Test
  void concurrentRepeatsOfOneRequestIdStoreItOnce() throws Exception {
    Map<String, Object> record =
        with(call("openai", "gpt-4o", 7, 1), "request_id", "req-" + UUID.randomUUID());
    List<Integer> statuses = concurrently(16, () -> post(record).extract().statusCode());
    assertEquals(1, statuses.stream().filter(s -> s == 201).count(), statuses.toString());
    assertEquals(15, statuses.stream().filter(s -> s == 200).count(), statuses.toString());
    summary().body("data.usage.requests", equalTo(1)).body("data.usage.input_tokens", equalTo(7));
  }

  @Test
  void anArrayIsStoredWhole() {
    post(List.of(
            call("openai", "gpt-4o", 1, 1),
            call("openai", "gpt-4o-mini", 2, 2),
            call("anthropic", "claude-sonnet-4-5", 3, 3)))
        .statusCode(201)
        .body("created", equalTo(3))
        .body("records.size()", equalTo(3))
        .body("records[2].cost_source", equalTo("estimated"))
        .body("records[0].id", org.hamcrest.Matchers.notNullValue());
    summary().body("data.usage.requests", equalTo(3)).body("data.usage.output_tokens", equalTo(6));
  }

  @Test
  void aBadArrayStoresNothingAndNamesTheElement() {
    List<Map<String, Object>> batch =
        List.of(call("openai", "gpt-4o", 1, 1), call("openai", "gpt-4o", -1, 1));
    assertProblem(post(batch), 400, "invalid_argument")
        .body("errors[0].field", equalTo("[1].input_tokens"));
    List<Map<String, Object>> wrongType =
        List.of(
            call("openai", "gpt-4o", 1, 1),
            with(call("openai", "gpt-4o", 1, 1), "output_tokens", "many"));
    assertProblem(post(wrongType), 400, "invalid_argument")
        .body("errors[0].field", equalTo("[1].output_tokens"));
    summary().body("data.usage.requests", equalTo(0));
  }

  @Test
  void arraysOverTheLimitAreRefused() {
    List<Map<String, Object>> batch = new ArrayList<>();
    for (int i = 0; i < 1001; i++) {
      batch.add(call("openai", "gpt-4o", 1, 1));
    }
    assertProblem(post(batch), 400, "invalid_argument")
        .body("detail", containsString("1 to 1000 records"));
    assertProblem(post(List.of()), 400, "invalid_argument");
    summary().body("data.usage.requests", equalTo(0));
  }

  @Test
  void badFieldsAreNamedAndStoreNothing() {
    assertProblem(
            post(
                with(
                    call("openai", "gpt-4o", 10, 1),
                    "cache_read_tokens",
                    8,
                    "cache_write_tokens",
                    3)),
            400,
            "invalid_argument")
        .body("errors[0].field", equalTo("cache_read_tokens"))
        .body("detail", containsString("OpenTelemetry"));
    assertProblem(
            post(with(call("openai", "gpt-4o", 10, 1), "reasoning_tokens", 2)),
            400,
            "invalid_argument")
        .body("errors[0].field", equalTo("reasoning_tokens"));
    assertProblem(
            post(
                with(
                    call("openai", "gpt-4o", 10, 1),
                    "created_at",
                    Instant.now().plusSeconds(3600).toString())),
            400,
            "invalid_argument")
        .body("errors[0].field", equalTo("created_at"));
    assertProblem(post(call("openai", "gpt-4o", 10, -1)), 400, "invalid_argument")
        .body("errors[0].field", equalTo("output_tokens"));
    assertProblem(post(call("openai", "gpt-4o", 20_000_000_000L, 1)), 400, "invalid_argument")
        .body("errors[0].field", equalTo("input_tokens"));
    assertProblem(
            post(with(call("openai", "gpt-4o", 10, 1), "cost_usd", -0.5)), 400, "invalid_argument")
        .body("errors[0].field", equalTo("cost_usd"));
    assertProblem(
            post(with(call("openai", "gpt-4o", 10, 1), "input_tokens", 1.5)),
            400,
            "invalid_argument")
        .body("errors[0].field", equalTo("input_tokens"));
    assertProblem(post(call("", "gpt-4o", 10, 1)), 400, "invalid_argument")
        .body("errors[0].field", equalTo("provider"));
    assertProblem(post(with(call("openai", "gpt-4o", 10, 1), "tokens", 3)), 400, "invalid_argument")
        .body("errors[0].field", equalTo("tokens"));
    assertProblem(
            post(with(call("openai", "gpt-4o", 10, 1), "role", "bad role!")),
            400,
            "invalid_argument")
        .body("errors[0].field", equalTo("role"));
    assertProblem(
        post(with(call("openai", "gpt-4o", 10, 1), "session_id", "never-started")),
        404,
        "not_found");
    Map<String, Object> missing = call("openai", "gpt-4o", 10, 1);
    missing.remove("input_tokens");
    assertProblem(post(missing), 400, "invalid_argument")
        .body("errors[0].field", equalTo("input_tokens"));
    assertProblem(post("\"just a string\""), 400, "malformed_request");
    summary().body("data.usage.requests", equalTo(0));
  }

  @Test
  void currentSessionShowsItsUsageSoFar() {
    post(with(call("openai", "gpt-4o", 1000, 100), "cost_usd", 0.25)).statusCode(201);
    post(call("acme", "mystery-model", 1, 1)).statusCode(201);
    tool(Map.of("action", "current_session"))
        .statusCode(200)
        .body("data.session_id", equalTo(session))
        .body("data.usage.requests", equalTo(2))
        .body("data.usage.unknown_cost_requests", equalTo(1))
        .body(
            "text",
            containsString(
                "llm requests 2, tokens in 1001 out 101, cost_usd 0.25 (1 requests of unknown cost"
                    + " not included)"));
  }

  @Test
  void aRecordBumpsItsSessionsActivity() {
    String before =
        given().get("/v1/sessions/{id}", session).then().extract().path("last_activity_at");
    post(call("openai", "gpt-4o", 1, 1)).statusCode(201);
    String after =
        given().get("/v1/sessions/{id}", session).then().extract().path("last_activity_at");
    org.junit.jupiter.api.Assertions.assertTrue(
        Instant.parse(after).isAfter(Instant.parse(before)));
  }

  @Test
  void statsGroupAndOrderByCostThenRequests() {
    post(with(call("openai", "gpt-4o", 1, 1), "cost_usd", 2, "role", "subagent:explore"))
        .statusCode(201);
    post(with(call("anthropic", "claude-sonnet-4-5", 1, 1), "cost_usd", 5)).statusCode(201);
    post(with(call("anthropic", "claude-sonnet-4-5", 1, 1), "cost_usd", 1)).statusCode(201);
    tool(Map.of("action", "usage_stats"))
        .statusCode(200)
        .body("data.group_by", equalTo("model"))
        .body("data.groups.group", equalTo(List.of("claude-sonnet-4-5", "gpt-4o")))
        .body("data.groups[0].figures.requests", equalTo(2));
    tool(Map.of("action", "usage_stats", "group_by", "role"))
        .body("data.groups.group", equalTo(List.of("agent", "subagent:explore")));
    tool(Map.of("action", "usage_stats", "group_by", "provider_model", "limit", 1))
        .body("data.groups.group", equalTo(List.of("anthropic/claude-sonnet-4-5")))
        .body("text", containsString("\nanthropic/claude-sonnet-4-5 | 2 | 0 |"));
    given()
        .queryParam("group_by", "provider")
        .get("/v1/usage/stats")
        .then()
        .statusCode(200)
        .body("groups.group", equalTo(List.of("anthropic", "openai")));
  }

  @Test
  void anUnknownGroupByIsRefusedNotReplaced() {
    String allowed = "role, provider, model, provider_model, day, week, month, session, block";
    assertProblem(
            tool(Map.of("action", "usage_stats", "group_by", "hour")), 400, "invalid_argument")
        .body("detail", containsString(allowed));
    assertProblem(
            given().queryParam("group_by", "hour").get("/v1/usage/stats").then(),
            400,
            "invalid_argument")
        .body("detail", containsString(allowed));
  }

  @Test
  void statsByDayWeekMonthSessionAndBlockAsCcusageReportsThem() {
    // 2026-11-29 is a Sunday: the 28th and the 29th fall in two weeks (ccusage's weeks start then).
    Instant now = Instant.now();
    Instant saturday = Instant.parse("2026-11-28T10:15:00Z");
    Instant sunday = Instant.parse("2026-11-29T09:40:00Z");
    post(with(call("openai", "gpt-4o", 100, 10), "created_at", saturday.toString()))
        .statusCode(201);
    post(with(call("openai", "gpt-4o", 200, 20), "created_at", sunday.toString())).statusCode(201);
    post(with(call("openai", "gpt-4o", 300, 30), "created_at", now.minusSeconds(120).toString()))
        .statusCode(201);
    post(with(call("openai", "gpt-4o", 400, 40), "created_at", now.minusSeconds(60).toString()))
        .statusCode(201);
    Map<String, Object> allTime = Map.of("action", "usage_stats", "since_days", 0);
    String today = now.atZone(java.time.ZoneOffset.UTC).toLocalDate().toString();
    tool(with(allTime, "group_by", "day"))
        .body("data.groups.group", equalTo(List.of(today, "2026-11-29", "2026-11-28")))
        .body("data.groups[0].figures.input_tokens", equalTo(700))
        .body("text", containsString("newest first"));
    tool(with(allTime, "group_by", "week"))
        .body("data.groups.group[1]", equalTo("2026-11-29"))
        .body("data.groups.group[2]", equalTo("2026-11-22"));
    tool(with(allTime, "group_by", "month"))
        .body("data.groups.group[-1]", equalTo("2026-11"))
        .body("data.groups[-1].figures.input_tokens", equalTo(300));
    tool(with(allTime, "group_by", "session"))
        .body("data.groups.group", equalTo(List.of(session)))
        .body("data.groups[0].figures.requests", equalTo(4));
    // Blocks: the two old calls are a day apart (two blocks); the two recent ones share one, which
    // starts at the hour of the first and is active now.
    Instant hour = now.minusSeconds(120).truncatedTo(java.time.temporal.ChronoUnit.HOURS);
    tool(with(allTime, "group_by", "block"))
        .body(
            "data.groups.group",
            equalTo(List.of(hour.toString(), "2026-11-29T09:00:00Z", "2026-11-28T10:00:00Z")))
        .body("data.groups[0].block.active", equalTo(true))
        .body("data.groups[0].block.end", equalTo(hour.plusSeconds(5 * 3600).toString()))
        .body("data.groups[0].figures.requests", equalTo(2))
        .body("data.groups[1].block.active", equalTo(false))
        .body("data.groups[1].block.tokens_per_minute", nullValue())
        // The text, all a model may read, names the active block's burn rate; the others have none.
        .body("text", containsString("active 5-hour block " + hour + " to "))
        .body("text", containsString(" tokens/min, "))
        .body("text", not(containsString("active 5-hour block 2026-11-29")));
    summary()
        .body("data.active_block.group", equalTo(hour.toString()))
        .body("text", containsString("active 5-hour block " + hour));
  }

  @Test
  void usageListGivesRecordsNewestFirst() {
    post(call("openai", "first", 1, 1)).statusCode(201);
    post(call("openai", "second", 1, 1)).statusCode(201);
    tool(Map.of("action", "usage_list"))
        .statusCode(200)
        .body("data.total", equalTo(2))
        .body("data.records.model", equalTo(List.of("second", "first")))
        .body(
            "text",
            containsString(
                "openai/second role=agent in=1 out=1 cost=unknown ok session=" + session));
    tool(Map.of("action", "usage_list", "limit", 1000)).statusCode(200);
    assertProblem(tool(Map.of("action", "usage_list", "limit", 1001)), 400, "invalid_argument");
    given()
        .queryParam("session", session)
        .queryParam("limit", 1)
        .get("/v1/usage")
        .then()
        .statusCode(200)
        .body("items.model", equalTo(List.of("second")))
        .body("total", equalTo(2));
    assertProblem(
            given().queryParam("session", "").get("/v1/usage").then(), 400, "invalid_argument")
        .body("errors[0].field", equalTo("session"));
  }

  @Test
  void aSessionNamedIsListedWholeWhicheverProjectIsActive() {
    post(call("openai", "gpt-4o", 1, 1)).statusCode(201);
    String earlier = session;
    freshProject();
    given()
        .queryParam("session", earlier)
        .get("/v1/usage")
        .then()
        .statusCode(200)
        .body("total", equalTo(1));
    given().get("/v1/usage").then().statusCode(200).body("total", equalTo(0));
  }

  @Test
  void latencyMeanAndP95ComeFromTheBuckets() {
    List<Map<String, Object>> batch = new ArrayList<>();
    for (int i = 1; i <= 20; i++) {
      batch.add(with(call("openai", "gpt-4o", 1, 1), "latency_ms", i <= 19 ? 400 : 9_000));
    }
    post(batch).statusCode(201);
    // 19 x 400 + 9,000 = 16,600 ms over 20 calls; the 19th of 20 (95%) is in the <=500 bucket.
    summary()
        .body("data.usage.latency_mean_ms", equalTo(830))
        .body("data.usage.latency_p95_ms", equalTo(500));
  }

  @Test
  void metricsShowTokensDurationAndCost() {
    post(with(
            call("anthropic", "claude-opus-4-1", 1000, 10),
            "latency_ms",
            1200,
            "role",
            "summarizer"))
        .statusCode(201);
    given()
        .get(metrics.toString())
        .then()
        .statusCode(200)
        .body(
            containsString(
                "gen_ai_client_token_usage_tokens_count{gen_ai_agent_role=\"summarizer\",gen_ai_provider_name=\"anthropic\",gen_ai_request_model=\"claude-opus-4-1\",gen_ai_token_type=\"input\"}"))
        .body(
            containsString(
                "gen_ai_client_operation_duration_seconds_count{gen_ai_agent_role=\"summarizer\""))
        .body(
            containsString(
                "sidecar_usage_cost_usd_total{cost_source=\"estimated\",gen_ai_agent_role=\"summarizer\""));
  }

  @Test
  void theMetricsPagePassesPromtool() throws Exception {
    post(with(call("openai", "gpt-4o", 10, 1), "latency_ms", 90)).statusCode(201);
    // The Prometheus text format: promtool 2.42 cannot parse the OpenMetrics escapes.
    String text =
        given()
            .header("Accept", "text/plain; version=0.0.4")
            .get(metrics.toString())
            .then()
            .statusCode(200)
            .extract()
            .asString();
    Promtool.Outcome checked = Promtool.run(text, "check", "metrics");
    // 0: clean; 3: lint warnings only (on the libraries' own series, listed in docs/metrics.md).
    assertTrue(
        checked.exitCode() == 0 || checked.exitCode() == 3, checked.exitCode() + checked.output());
    assertTrue(!checked.output().contains("gen_ai_"), "no warning about our series: " + checked);
  }

  @Test
  void newProvidersPastTheSeriesBoundAreCountedAsOther() {
    List<Map<String, Object>> batch = new ArrayList<>();
    for (int i = 0; i < 250; i++) {
      batch.add(call("flood-" + i, "m", 1, 1));
    }
    post(batch).statusCode(201);
    String text = given().get(metrics.toString()).then().statusCode(200).extract().asString();
    long floodSeries =
        text.lines()
            .filter(line -> line.startsWith("gen_ai_client_token_usage_tokens_count{"))
            .filter(line -> line.contains("gen_ai_provider_name=\"flood-"))
            .count();
    // Two series (input, output) per provider; at most 200 combinations of any kind are named.
    assertTrue(floodSeries > 0 && floodSeries <= 2 * 200, floodSeries + " flood series");
    String other =
        "gen_ai_client_token_usage_tokens_count{gen_ai_agent_role=\"other\","
            + "gen_ai_provider_name=\"other\",gen_ai_request_model=\"other\","
            + "gen_ai_token_type=\"input\"}";
    double countedAsOther =
        text.lines()
            .filter(line -> line.startsWith(other))
            .mapToDouble(line -> Double.parseDouble(line.substring(other.length()).trim()))
            .sum();
    assertTrue(countedAsOther >= 250 - floodSeries / 2, countedAsOther + " counted as other");
  }

  @Test
  void durationsAndTokensAreHistogramsWithTheGenAiBuckets() {
    post(with(call("anthropic", "claude-haiku-4-5", 300, 5), "latency_ms", 700, "role", "bucketed"))
        .statusCode(201);
    String text = given().get(metrics.toString()).then().statusCode(200).extract().asString();
    String duration =
        "gen_ai_client_operation_duration_seconds_bucket{gen_ai_agent_role=\"bucketed\","
            + "gen_ai_provider_name=\"anthropic\",gen_ai_request_model=\"claude-haiku-4-5\",le=\"";
    // 0.7 s: above the 0.64 s bound, within 1.28 s.
    assertTrue(text.contains(duration + "0.64\"} 0"), text);
    assertTrue(text.contains(duration + "1.28\"} 1"), text);
    assertTrue(text.contains(duration + "81.92\"} 1"), text);
    assertTrue(text.contains(duration + "+Inf\"} 1"), text);
    String tokens =
        "gen_ai_client_token_usage_tokens_bucket{gen_ai_agent_role=\"bucketed\","
            + "gen_ai_provider_name=\"anthropic\",gen_ai_request_model=\"claude-haiku-4-5\","
            + "gen_ai_token_type=\"input\",le=\"";
    // 300 input tokens: above 256, within 1024.
    assertTrue(text.contains(tokens + "256.0\"} 0"), text);
    assertTrue(text.contains(tokens + "1024.0\"} 1"), text);
    assertTrue(text.contains(tokens + "6.7108864E7\"} 1"), text);
  }
}
