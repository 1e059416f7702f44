package org.arxiv.submission.agent.integration;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.net.URI;
import java.sql.Connection;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.arxiv.submission.agent.admin.MetricsServer;
import org.arxiv.submission.agent.store.Database;
import org.arxiv.submission.agent.store.DatabaseSettings;
import org.junit.jupiter.api.Test;

/**
 * The health check while MariaDB stops responding and the pool would wait 30 s for a
 * connection. {@code /health} returns 503 within its own short timeout, and {@code /metrics}
 * still responds meanwhile. The HTTP client gives up after 10 s, so a check that waits for the
 * pool fails the test.
 */
class HealthCheckTest {

  private static final Duration CLIENT_TIMEOUT = Duration.ofSeconds(10);

  private final HttpClient http = HttpClient.newBuilder().connectTimeout(CLIENT_TIMEOUT).build();

  @Test
  void healthFailsFastAndMetricsStayUp() throws Exception {
    try (TestDatabase database = TestDatabase.create()) {
      URI server = URI.create(database.url().substring("jdbc:".length()));
      try (TcpProxy proxy = TcpProxy.start(server.getHost(), server.getPort())) {
        DatabaseSettings settings = new DatabaseSettings(
            "jdbc:mariadb://127.0.0.1:" + proxy.port() + server.getPath(), database.user(),
            null, 2, Duration.ofSeconds(30));
        try (Database agentDatabase = Database.open(settings);
            MetricsServer metrics = MetricsServer.start("127.0.0.1", 0,
                new PrometheusMeterRegistry(PrometheusConfig.DEFAULT),
                agentDatabase::isAvailable)) {
          assertThat(get(metrics, "/health")).isEqualTo(200);

          // Threads stuck on the dead database keep every pooled connection, so the health
          // check has to wait for a new one.
          List<Connection> stuck = new ArrayList<>();
          for (int i = 0; i < settings.poolSize(); i++) {
            stuck.add(agentDatabase.dataSource().getConnection());
          }
          proxy.stall();
          CompletableFuture<Integer> health = CompletableFuture.supplyAsync(
              () -> get(metrics, "/health"));
          assertThat(get(metrics, "/metrics")).as("metrics during the outage").isEqualTo(200);
          assertThat(health.get()).as("health during the outage").isEqualTo(503);

          proxy.restore();
          for (Connection connection : stuck) {
            connection.close();
          }
          Await.until("health is back", Duration.ofSeconds(30),
              () -> get(metrics, "/health") == 200);
        }
      }
    }
  }

  private int get(MetricsServer metrics, String path) {
    HttpRequest request = HttpRequest.newBuilder(
        URI.create("http://127.0.0.1:" + metrics.port() + path)).timeout(CLIENT_TIMEOUT).build();
    try {
      return http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
