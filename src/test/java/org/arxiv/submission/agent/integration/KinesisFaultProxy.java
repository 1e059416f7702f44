package org.arxiv.submission.agent.integration;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * An HTTP proxy in front of kinesalite that returns the error Kinesis would return for chosen
 * calls instead of forwarding them. The agent's SDK client therefore parses a real error
 * response. Calls are numbered per operation from 1, over all shards. Every request body is
 * kept, so tests can check what the agent asked for after a fault.
 */
final class KinesisFaultProxy implements AutoCloseable {

  /** An error response of the Kinesis JSON protocol. */
  enum Fault {
    EXPIRED_ITERATOR(400, "ExpiredIteratorException", "Iterator expired (injected)"),
    THROTTLED(400, "ProvisionedThroughputExceededException", "Rate exceeded (injected)"),
    UNAVAILABLE(503, "ServiceUnavailable", "Service unavailable (injected)");

    final int status;
    final String type;
    final String message;

    Fault(int status, String type, String message) {
      this.status = status;
      this.type = type;
      this.message = message;
    }
  }

  /** One request the proxy received: the operation and its JSON body. */
  record Call(String operation, String body) {}

  private static final String TARGET_PREFIX = "Kinesis_20131202.";
  private static final Duration TIMEOUT = Duration.ofSeconds(30);

  /** Headers that the JDK client sets itself and rejects from callers. */
  private static final Set<String> RESTRICTED = Set.of("host", "connection", "content-length",
      "expect", "upgrade", "transfer-encoding", "keep-alive");

  private final HttpServer server;
  private final ExecutorService executor;
  private final HttpClient client;
  private final URI target;
  private final Map<String, AtomicInteger> counts = new ConcurrentHashMap<>();
  private final Map<String, Map<Integer, Fault>> planned = new ConcurrentHashMap<>();
  private final Map<Fault, AtomicInteger> injected = new ConcurrentHashMap<>();
  private final List<Call> calls = new CopyOnWriteArrayList<>();

  private KinesisFaultProxy(HttpServer server, ExecutorService executor, URI target) {
    this.server = server;
    this.executor = executor;
    this.target = target;
    this.client = HttpClient.newBuilder().connectTimeout(TIMEOUT).build();
  }

  /** Starts a proxy on a free port of 127.0.0.1 in front of the Kinesis API at {@code target}. */
  static KinesisFaultProxy start(URI target) throws IOException {
    HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    ExecutorService executor = Executors.newCachedThreadPool();
    KinesisFaultProxy proxy = new KinesisFaultProxy(server, executor, target);
    server.createContext("/", proxy::handle);
    server.setExecutor(executor);
    server.start();
    return proxy;
  }

  /** Returns the endpoint to give the agent. */
  URI endpoint() {
    return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
  }

  /** Fails calls {@code first} to {@code first + count - 1} of the operation with a fault. */
  void fail(String operation, int first, int count, Fault fault) {
    Map<Integer, Fault> faults = planned.computeIfAbsent(operation, o -> new ConcurrentHashMap<>());
    for (int call = first; call < first + count; call++) {
      faults.put(call, fault);
    }
  }

  /** Returns how many calls of the operation the proxy has received so far. */
  int calls(String operation) {
    AtomicInteger count = counts.get(operation);
    return count == null ? 0 : count.get();
  }

  /** Returns how many times the fault was injected. */
  int injected(Fault fault) {
    AtomicInteger count = injected.get(fault);
    return count == null ? 0 : count.get();
  }

  /** Returns the requests received for the operation, in order. */
  List<Call> requests(String operation) {
    return calls.stream().filter(call -> call.operation().equals(operation)).toList();
  }

  private void handle(HttpExchange exchange) throws IOException {
    try (exchange) {
      byte[] body;
      try (InputStream in = exchange.getRequestBody()) {
        body = in.readAllBytes();
      }
      String targetHeader = exchange.getRequestHeaders().getFirst("X-Amz-Target");
      String operation = targetHeader == null ? "" : targetHeader.replace(TARGET_PREFIX, "");
      calls.add(new Call(operation, new String(body, StandardCharsets.UTF_8)));
      int number = counts.computeIfAbsent(operation, o -> new AtomicInteger()).incrementAndGet();
      Fault fault = planned.getOrDefault(operation, Map.of()).get(number);
      if (fault != null) {
        injected.computeIfAbsent(fault, f -> new AtomicInteger()).incrementAndGet();
        String error = "{\"__type\":\"" + fault.type + "\",\"message\":\"" + fault.message
            + "\"}";
        respond(exchange, fault.status, "application/x-amz-json-1.1",
            error.getBytes(StandardCharsets.UTF_8));
        return;
      }
      forward(exchange, body);
    }
  }

  private void forward(HttpExchange exchange, byte[] body) throws IOException {
    HttpRequest.Builder request = HttpRequest.newBuilder(
            target.resolve(exchange.getRequestURI().toString()))
        .timeout(TIMEOUT)
        .method(exchange.getRequestMethod(), HttpRequest.BodyPublishers.ofByteArray(body));
    exchange.getRequestHeaders().forEach((name, values) -> {
      if (!RESTRICTED.contains(name.toLowerCase(java.util.Locale.ROOT))) {
        values.forEach(value -> request.header(name, value));
      }
    });
    HttpResponse<byte[]> response;
    try {
      response = client.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted while forwarding to " + target, e);
    }
    respond(exchange, response.statusCode(),
        response.headers().firstValue("Content-Type").orElse("application/x-amz-json-1.1"),
        response.body());
  }

  private static void respond(HttpExchange exchange, int status, String contentType,
      byte[] body) throws IOException {
    exchange.getResponseHeaders().set("Content-Type", contentType);
    exchange.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(body);
    }
  }

  @Override
  public void close() {
    server.stop(0);
    executor.shutdownNow();
  }
}
