package org.arxiv.submission.agent.admin;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Executors;
import java.util.function.BooleanSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Serves the agent's metrics in the Prometheus text format at {@code /metrics}, and a liveness
 * check at {@code /health} that answers 503 while the agent database is unavailable.
 */
public final class MetricsServer implements AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(MetricsServer.class);

  private final HttpServer server;

  private MetricsServer(HttpServer server) {
    this.server = server;
  }

  /**
   * Starts serving on the given address; port 0 picks a free port.
   *
   * @throws IOException when the address cannot be bound
   */
  private static final int HTTP_THREADS = 4;

  public static MetricsServer start(String host, int port, PrometheusMeterRegistry registry,
      BooleanSupplier healthy) throws IOException {
    HttpServer server = HttpServer.create(new InetSocketAddress(host, port), 0);
    server.createContext("/metrics", exchange -> respond(exchange, 200,
        "text/plain; version=0.0.4; charset=utf-8", registry.scrape()));
    server.createContext("/health", exchange -> {
      boolean up = healthy.getAsBoolean();
      respond(exchange, up ? 200 : 503, "text/plain; charset=utf-8",
          up ? "ok\n" : "agent database unavailable\n");
    });
    // Several threads, so that a health check waiting for the database never holds up a scrape.
    server.setExecutor(Executors.newFixedThreadPool(HTTP_THREADS, r -> {
      Thread thread = new Thread(r, "metrics-http");
      thread.setDaemon(true);
      return thread;
    }));
    server.start();
    log.info("Serving metrics at http://{}:{}/metrics", host, server.getAddress().getPort());
    return new MetricsServer(server);
  }

  public int port() {
    return server.getAddress().getPort();
  }

  private static void respond(HttpExchange exchange, int status, String contentType,
      String body) throws IOException {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().set("Content-Type", contentType);
    exchange.sendResponseHeaders(status, bytes.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(bytes);
    }
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
