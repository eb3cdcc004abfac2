package dev.sessionsidecar.budget;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.logging.Log;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Posts fired thresholds to {@code sidecar.budget.webhook-url} on its own thread, so the request
 * that crossed the line never waits; retries with doubling back-off, then logs and counts the
 * failure.
 */
@ApplicationScoped
class BudgetWebhook {

  private final BudgetConfig config;
  private final BudgetMetrics metrics;
  private final ObjectMapper mapper;
  private final HttpClient client;
  private final ScheduledExecutorService sender;

  BudgetWebhook(BudgetConfig config, BudgetMetrics metrics, ObjectMapper mapper) {
    this.config = config;
    this.metrics = metrics;
    this.mapper = mapper;
    this.client = HttpClient.newBuilder().connectTimeout(config.webhookTimeout()).build();
    this.sender =
        Executors.newSingleThreadScheduledExecutor(
            r -> {
              Thread t = new Thread(r, "budget-webhook");
              t.setDaemon(true);
              return t;
            });
  }

  /** Queues the alert for delivery; without a webhook URL, does nothing. */
  void send(BudgetAlert alert) {
    config.webhookUrl().ifPresent(url -> sender.execute(() -> deliver(url, body(alert), 1)));
  }

  private void deliver(URI url, String body, int attempt) {
    try {
      HttpResponse<Void> response =
          client.send(
              HttpRequest.newBuilder(url)
                  .timeout(config.webhookTimeout())
                  .header("Content-Type", "application/json")
                  .POST(HttpRequest.BodyPublishers.ofString(body))
                  .build(),
              HttpResponse.BodyHandlers.discarding());
      if (response.statusCode() / 100 == 2) {
        return;
      }
      retryOrGiveUp(url, body, attempt, "HTTP " + response.statusCode());
    } catch (IOException e) {
      retryOrGiveUp(url, body, attempt, e.toString());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private void retryOrGiveUp(URI url, String body, int attempt, String failure) {
    if (attempt < config.webhookAttempts()) {
      long backOff = 1L << (attempt - 1);
      sender.schedule(() -> deliver(url, body, attempt + 1), backOff, TimeUnit.SECONDS);
      return;
    }
    metrics.webhookFailed();
    Log.warnf("Budget alert not delivered to %s after %d attempts: %s", url, attempt, failure);
  }

  private String body(BudgetAlert alert) {
    try {
      return mapper.writeValueAsString(alert);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("A budget alert is always JSON", e);
    }
  }

  @PreDestroy
  void stop() {
    sender.shutdownNow();
  }
}
