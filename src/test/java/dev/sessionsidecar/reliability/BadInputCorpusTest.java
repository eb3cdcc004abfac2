package dev.sessionsidecar.reliability;

import static dev.sessionsidecar.platform.ProblemAssertions.assertProblem;
import static dev.sessionsidecar.testing.Api.newSession;
import static io.restassured.RestAssured.given;
import static java.nio.charset.StandardCharsets.ISO_8859_1;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import io.restassured.specification.RequestSpecification;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * A corpus of bad requests across every endpoint and tool action: each gets the right 4xx problem
 * naming what was wrong, with no internals in the body, and the database is unchanged after all.
 */
@QuarkusTest
class BadInputCorpusTest {

  /** One bad request and the answer it must get; {@code field} null when no field is to blame. */
  record Case(
      String name,
      String method,
      String path,
      String contentType,
      byte[] body,
      int status,
      String code,
      String field) {}

  /** The corpus: one case per line of a table a reader can scan, under src/test/resources. */
  private static final String TABLE = "/bad-input-corpus.tsv";

  private static final Pattern REPEAT = Pattern.compile("\\{(\\d+)\\*([^{}]+)}");
  private static final Pattern RECORDS = Pattern.compile("\\{usage-records:(\\d+)}");
  private static final Pattern BYTE = Pattern.compile("\\\\x([0-9A-F]{2})");

  static List<Case> corpus() throws IOException {
    List<Case> cases = new ArrayList<>();
    try (InputStream in = BadInputCorpusTest.class.getResourceAsStream(TABLE)) {
      String table = new String(in.readAllBytes(), StandardCharsets.UTF_8);
      for (String line : table.split("\n")) {
        if (!line.isBlank() && !line.startsWith("#")) {
          cases.add(row(line.split("\t", -1)));
        }
      }
    }
    return cases;
  }

  private static Case row(String[] cells) {
    if (cells.length != 8) {
      throw new IllegalArgumentException("a corpus line has 8 cells: " + String.join(" | ", cells));
    }
    byte[] body = dash(cells[6]) == null ? null : expanded(cells[7]).getBytes(ISO_8859_1);
    return new Case(
        cells[0],
        cells[4],
        expanded(cells[5]),
        dash(cells[6]),
        body,
        Integer.parseInt(cells[1]),
        cells[2],
        dash(cells[3]));
  }

  private static String dash(String cell) {
    return cell.equals("-") ? null : cell;
  }

  /** The cell with its generators written out; one char per byte (ISO-8859-1). */
  private static String expanded(String cell) {
    String text =
        cell.replace("{big-string}", "\"" + "x".repeat(10 * 1024 * 1024) + "\"")
            .replace("{nested}", "[".repeat(5000) + "]".repeat(5000));
    text =
        REPEAT
            .matcher(text)
            .replaceAll(
                m -> Matcher.quoteReplacement(m.group(2).repeat(Integer.parseInt(m.group(1)))));
    text =
        RECORDS
            .matcher(text)
            .replaceAll(
                m ->
                    "["
                        + String.join(
                            ",", Collections.nCopies(Integer.parseInt(m.group(1)), RECORD))
                        + "]");
    return BYTE.matcher(text)
        .replaceAll(
            m -> Matcher.quoteReplacement(String.valueOf((char) Integer.parseInt(m.group(1), 16))));
  }

  private static final String RECORD =
      "{\"provider\":\"p\",\"model\":\"m\",\"input_tokens\":1,\"output_tokens\":1}";

  @TestFactory
  Stream<DynamicTest> everyBadRequestGetsTheRightProblemAndChangesNothing() throws IOException {
    String project = "/srv/corpus/" + UUID.randomUUID();
    String session = newSession(project);
    String before = snapshot(session, project);
    List<Case> cases = corpus();
    assertEquals(true, cases.size() >= 60, "at least 60 cases");
    Stream<DynamicTest> each =
        cases.stream()
            .map(c -> DynamicTest.dynamicTest(c.name(), () -> check(c, session, project)));
    Stream<DynamicTest> unchanged =
        Stream.of(
            DynamicTest.dynamicTest(
                "the database is unchanged",
                () -> assertEquals(before, snapshot(session, project))));
    return Stream.concat(each, unchanged);
  }

  private static void check(Case c, String session, String project) {
    RequestSpecification request = given().urlEncodingEnabled(true);
    if (c.contentType() != null) {
      String body =
          new String(c.body(), ISO_8859_1)
              .replace("{session}", session)
              .replace("{project}", project);
      request = request.contentType(c.contentType()).body(body.getBytes(ISO_8859_1));
    }
    String path = c.path().replace("{session}", session);
    ValidatableResponse response =
        switch (c.method()) {
          case "GET" -> request.get(path).then();
          case "POST" -> request.post(path).then();
          case "PUT" -> request.put(path).then();
          case "PATCH" -> request.patch(path).then();
          default -> throw new IllegalArgumentException(c.method());
        };
    assertProblem(response, c.status(), c.code());
    if (c.field() != null) {
      response.body("errors.field", hasItem(c.field()));
    }
  }

  /** What the corpus could have changed, as the API shows it. */
  private static String snapshot(String session, String project) {
    return String.join(
        "\n",
        given().get("/v1/sessions/{id}", session).then().extract().asString(),
        given().get("/v1/usage?session=" + session + "&limit=1000").then().extract().asString(),
        given().get("/v1/usage?limit=1").then().extract().path("total").toString(),
        given().queryParam("project", project).get("/v1/goals").then().extract().asString(),
        given()
            .queryParam("project", project)
            .queryParam("min_confidence", "0")
            .get("/v1/insights")
            .then()
            .extract()
            .asString(),
        given().queryParam("project", project).get("/v1/preferences").then().extract().asString(),
        given().get("/v1/tasks?limit=200").then().extract().asString(),
        given().get("/v1/budgets").then().extract().asString());
  }
}
