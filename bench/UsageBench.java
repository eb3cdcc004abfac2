import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

/**
 * Seeds a running sidecar with usage records through array POSTs (measuring the array intake
 * rate), then times usage_summary and usage_stats through the session tool.
 *
 * <p>Usage: java UsageBench.java BASE_URL RECORDS
 */
public class UsageBench {

  static final String[] MODELS = {
    "anthropic claude-sonnet-4-5", "anthropic claude-haiku-4-5", "anthropic claude-opus-4-1",
    "openai gpt-4o", "openai gpt-4o-mini", "openai gpt-5", "google gemini-2.5-pro", "acme unpriced-1"
  };
  static final String[] ROLES = {"agent", "subagent:explore", "summarizer"};
  static final int BATCH = 1000;
  static final int DAYS = 30;

  public static void main(String[] args) throws Exception {
    String base = args[0];
    int records = Integer.parseInt(args[1]);
    HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    post(http, base + "/v1/sessions", "{\"session_id\":\"bench-1\",\"project_path\":\"/bench/project\"}");

    Random random = new Random(42);
    Instant now = Instant.now();
    long started = System.nanoTime();
    int batches = (records + BATCH - 1) / BATCH;
    for (int b = 0; b < batches; b++) {
      // One batch is what an agent uploads at once: calls from one day, several models.
      Instant day = now.minus(Duration.ofDays(b % DAYS)).minusSeconds(3600);
      StringBuilder body = new StringBuilder("[");
      int size = Math.min(BATCH, records - b * BATCH);
      for (int i = 0; i < size; i++) {
        String[] model = MODELS[random.nextInt(MODELS.length)].split(" ");
        long input = 1_000 + random.nextInt(50_000);
        body.append(i == 0 ? "" : ",")
            .append("{\"provider\":\"").append(model[0])
            .append("\",\"model\":\"").append(model[1])
            .append("\",\"role\":\"").append(ROLES[random.nextInt(ROLES.length)])
            .append("\",\"input_tokens\":").append(input)
            .append(",\"cache_read_tokens\":").append(input / 2)
            .append(",\"output_tokens\":").append(random.nextInt(4_000))
            .append(",\"latency_ms\":").append(200 + random.nextInt(20_000))
            .append(",\"created_at\":\"").append(day.plusMillis(i)).append("\"}");
      }
      post(http, base + "/v1/usage", body.append(']').toString());
    }
    double seconds = (System.nanoTime() - started) / 1e9;
    System.out.printf("array intake: %d records in %d arrays of %d: %.1f s, %.0f records/s%n",
        records, batches, BATCH, seconds, records / seconds);

    time(http, base, "{\"action\":\"usage_summary\"}", "usage_summary");
    time(http, base, "{\"action\":\"usage_stats\",\"group_by\":\"provider_model\"}", "usage_stats");
  }

  static void time(HttpClient http, String base, String body, String name) throws Exception {
    for (int i = 0; i < 50; i++) {
      post(http, base + "/v1/tools/session", body);
    }
    int runs = 200;
    double[] millis = new double[runs];
    for (int i = 0; i < runs; i++) {
      long t = System.nanoTime();
      post(http, base + "/v1/tools/session", body);
      millis[i] = (System.nanoTime() - t) / 1e6;
    }
    Arrays.sort(millis);
    System.out.printf("%s over the seeded records (HTTP round trip, %d runs): median %.2f ms, p95 %.2f ms, max %.2f ms%n",
        name, runs, millis[runs / 2], millis[(int) (runs * 0.95)], millis[runs - 1]);
  }

  static String post(HttpClient http, String url, String json) throws Exception {
    HttpResponse<String> response =
        http.send(
            HttpRequest.newBuilder(URI.create(url))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    if (response.statusCode() >= 300) {
      throw new IllegalStateException(url + " answered " + response.statusCode() + ": " + response.body());
    }
    return response.body();
  }
}
