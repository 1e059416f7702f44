package org.arxiv.submission.agent.stream.kinesis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.ProfileCredentialsProvider;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.services.kinesis.KinesisClient;

/**
 * Checks what the built client sends, against a small HTTP server on 127.0.0.1 that records
 * the request headers and returns an empty ListStreams response.
 */
class KinesisClientFactoryTest {

  private HttpServer server;
  private final List<Map<String, List<String>>> requests = new CopyOnWriteArrayList<>();
  private final Map<String, String> variables = new ConcurrentHashMap<>();

  @BeforeEach
  void startServer() throws IOException {
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext("/", this::respond);
    server.start();
    variables.put("KINESIS_ENDPOINT", "http://127.0.0.1:" + server.getAddress().getPort());
  }

  @AfterEach
  void stopServer() {
    server.stop(0);
  }

  private void respond(HttpExchange exchange) throws IOException {
    requests.add(Map.copyOf(exchange.getRequestHeaders()));
    exchange.getRequestBody().readAllBytes();
    byte[] body = "{\"StreamNames\":[],\"HasMoreStreams\":false}".getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().add("Content-Type", "application/x-amz-json-1.1");
    exchange.sendResponseHeaders(200, body.length);
    exchange.getResponseBody().write(body);
    exchange.close();
  }

  private KinesisClient client() {
    KinesisSettings settings = KinesisSettings.fromLookup(variables::get, Clock.systemUTC());
    return KinesisClientFactory.create(settings, variables::get);
  }

  private String header(int request, String name) {
    List<String> values = requests.get(request).get(name);
    return values == null ? null : String.join(",", values);
  }

  @Test
  void requestsUseJsonNotCbor() {
    System.clearProperty(KinesisClientFactory.CBOR_PROPERTY);
    variables.put("AWS_ACCESS_KEY_ID", "AKIDFIRST");
    variables.put("AWS_SECRET_ACCESS_KEY", "first-secret");

    try (KinesisClient client = client()) {
      client.listStreams(request -> request.limit(1));
    }

    assertThat(System.getProperty(KinesisClientFactory.CBOR_PROPERTY)).isEqualTo("false");
    assertThat(header(0, "Content-type")).isEqualTo("application/x-amz-json-1.1");
  }

  @Test
  void rotatedKeyIsUsedWithoutRebuild() {
    variables.put("AWS_ACCESS_KEY_ID", "AKIDFIRST");
    variables.put("AWS_SECRET_ACCESS_KEY", "first-secret");

    try (KinesisClient client = client()) {
      client.listStreams(request -> request.limit(1));
      variables.put("AWS_ACCESS_KEY_ID", "AKIDSECOND");
      variables.put("AWS_SECRET_ACCESS_KEY", "second-secret");
      client.listStreams(request -> request.limit(1));
    }

    assertThat(requests).hasSize(2);
    assertThat(header(0, "Authorization")).contains("Credential=AKIDFIRST/");
    assertThat(header(1, "Authorization")).contains("Credential=AKIDSECOND/");
  }

  @Test
  void sessionTokenIsAddedWhenSet() {
    variables.put("AWS_ACCESS_KEY_ID", "AKIDTEMP");
    variables.put("AWS_SECRET_ACCESS_KEY", "temp-secret");
    variables.put("AWS_SESSION_TOKEN", "token-1");

    assertThat(new LookupCredentialsProvider(variables::get).resolveCredentials())
        .isInstanceOf(AwsSessionCredentials.class);
  }

  @Test
  void removedKeyFailsTheCall() {
    variables.put("AWS_ACCESS_KEY_ID", "AKIDFIRST");
    variables.put("AWS_SECRET_ACCESS_KEY", "first-secret");
    LookupCredentialsProvider provider = new LookupCredentialsProvider(variables::get);
    variables.remove("AWS_SECRET_ACCESS_KEY");

    assertThatThrownBy(provider::resolveCredentials)
        .isInstanceOf(SdkClientException.class)
        .hasMessageContaining("missing now");
  }

  @Test
  void profileWinsWithoutKeys() {
    variables.put("AWS_PROFILE", "agent");
    KinesisSettings settings = KinesisSettings.fromLookup(variables::get, Clock.systemUTC());

    assertThat(KinesisClientFactory.credentialsProvider(settings, variables::get))
        .isInstanceOf(ProfileCredentialsProvider.class);
  }

  @Test
  void keysWinOverProfile() {
    variables.put("AWS_PROFILE", "agent");
    variables.put("AWS_ACCESS_KEY_ID", "AKIDFIRST");
    variables.put("AWS_SECRET_ACCESS_KEY", "first-secret");
    KinesisSettings settings = KinesisSettings.fromLookup(variables::get, Clock.systemUTC());

    assertThat(KinesisClientFactory.credentialsProvider(settings, variables::get))
        .isInstanceOf(LookupCredentialsProvider.class);
  }

  @Test
  void defaultChainWithoutKeysOrProfile() {
    KinesisSettings settings = KinesisSettings.fromLookup(variables::get, Clock.systemUTC());

    assertThat(KinesisClientFactory.credentialsProvider(settings, variables::get))
        .isInstanceOf(DefaultCredentialsProvider.class);
  }
}
