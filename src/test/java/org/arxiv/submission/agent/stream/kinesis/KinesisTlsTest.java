package org.arxiv.submission.agent.stream.kinesis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.net.ssl.SSLException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.services.kinesis.KinesisClient;

/**
 * Connects over TLS to a kinesalite started by this test with {@code --ssl}. Its bundled
 * certificate is self-signed, names another host and expired in 2018, so only a client with
 * verification switched off can connect.
 */
class KinesisTlsTest {

  private static final Path SERVER = Path.of("scripts", "kinesalite", "server.js");
  private static final Pattern LISTENING = Pattern.compile("Listening at (https://\\S+)");

  private static Process server;
  private static String endpoint;

  @BeforeAll
  static void startTlsServer() throws Exception {
    if (!Files.isDirectory(Path.of("scripts", "kinesalite", "node_modules", "kinesalite"))) {
      throw new IllegalStateException(
          "kinesalite is not installed; run scripts/kinesalite.sh start once to install it");
    }
    server = new ProcessBuilder("node", SERVER.toString(), "--ssl", "--port", "0")
        .redirectErrorStream(true)
        .start();
    BufferedReader output = new BufferedReader(
        new InputStreamReader(server.getInputStream(), StandardCharsets.UTF_8));
    String line = CompletableFuture.supplyAsync(() -> readLine(output)).get(20, TimeUnit.SECONDS);
    Matcher matcher = LISTENING.matcher(line == null ? "" : line);
    if (!matcher.find()) {
      throw new IllegalStateException("kinesalite --ssl did not start: " + line);
    }
    endpoint = matcher.group(1);
  }

  @AfterAll
  static void stopTlsServer() throws InterruptedException {
    if (server != null) {
      server.destroy();
      server.waitFor(10, TimeUnit.SECONDS);
    }
  }

  private static String readLine(BufferedReader reader) {
    try {
      return reader.readLine();
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  private static KinesisClient client(String verify) {
    Map<String, String> variables = Map.of("KINESIS_ENDPOINT", endpoint, "KINESIS_VERIFY", verify,
        "AWS_ACCESS_KEY_ID", "test-key", "AWS_SECRET_ACCESS_KEY", "test-secret",
        "KINESIS_CALL_TIMEOUT_MS", "30000", "KINESIS_CALL_ATTEMPT_TIMEOUT_MS", "10000");
    KinesisSettings settings = KinesisSettings.fromLookup(variables::get, Clock.systemUTC());
    return KinesisClientFactory.create(settings, variables::get);
  }

  @Test
  void verifyOffAcceptsBadCertificate() {
    try (KinesisClient client = client("false")) {
      assertThat(client.listStreams(request -> request.limit(1)).streamNames()).isNotNull();
    }
  }

  @Test
  void verifyOnRejectsBadCertificate() {
    try (KinesisClient client = client("true")) {
      assertThatThrownBy(() -> client.listStreams(request -> request.limit(1)))
          .isInstanceOf(SdkClientException.class)
          .hasMessageContaining("PKIX path building failed")
          .satisfies(error -> assertThat(hasCause(error, SSLException.class)).isTrue());
    }
  }

  private static boolean hasCause(Throwable error, Class<? extends Throwable> type) {
    for (Throwable cause = error; cause != null; cause = cause.getCause()) {
      if (type.isInstance(cause)) {
        return true;
      }
    }
    return false;
  }
}
