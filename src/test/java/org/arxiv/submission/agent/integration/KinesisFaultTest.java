package org.arxiv.submission.agent.integration;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.arxiv.submission.agent.integration.KinesisFaultProxy.Fault;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The agent on a one-shard kinesalite stream and MariaDB, reaching Kinesis through a TCP proxy
 * and an HTTP proxy that the test controls. The HTTP proxy fails chosen GetRecords calls with
 * an expired iterator, throttling and a server error, as Kinesis would. The TCP proxy then cuts
 * every connection. The consumer renews the iterator after the last record it read, backs off
 * through the rest, and every record is still dispatched exactly once.
 */
class KinesisFaultTest {

  private static final int COPIES = 3;

  /** Small reads, so that the faults fall between records of the shard. */
  private static final String BATCH_SIZE = "10";

  /**
   * The SDK makes three attempts at a call before the reader sees the error, so throttling and
   * server errors are injected three times in a row.
   */
  private static final int SDK_ATTEMPTS = 3;

  @TempDir
  Path folder;

  @Test
  void faultsLoseAndRepeatNothing() throws Exception {
    try (TestDatabase database = TestDatabase.create();
        TestStream stream = TestStream.create(1);
        KinesisFaultProxy faults = KinesisFaultProxy.start(TestStream.endpoint());
        TcpProxy network = TcpProxy.start("127.0.0.1", faults.endpoint().getPort())) {
      Map<String, String> direct = InProcessAgent.settings(stream, database, "publisher");
      Cli.publish(Cli.writeConfig(folder.resolve("publish.properties"), direct), folder,
          Cli.sampleCopies(folder, COPIES));

      faults.fail("GetRecords", 3, 1, Fault.EXPIRED_ITERATOR);
      faults.fail("GetRecords", 5, SDK_ATTEMPTS, Fault.THROTTLED);
      faults.fail("GetRecords", 5 + SDK_ATTEMPTS + 1, SDK_ATTEMPTS, Fault.UNAVAILABLE);
      Map<String, String> settings = InProcessAgent.settings(stream, database, "agent-a");
      settings.put("KINESIS_ENDPOINT", "http://127.0.0.1:" + network.port());
      settings.put("KINESIS_BATCH_SIZE", BATCH_SIZE);

      try (InProcessAgent agent = InProcessAgent.start(settings)) {
        Await.until("every planned fault was injected", Duration.ofSeconds(60),
            () -> faults.injected(Fault.UNAVAILABLE) == SDK_ATTEMPTS);
        network.cut();
        Await.until("the reader has seen a network error", Duration.ofSeconds(30),
            () -> retries(agent, "NETWORK") >= 1);
        network.restore();
        agent.awaitIdle(Duration.ofSeconds(120));

        assertThat(retries(agent, "EXPIRED_ITERATOR")).as("iterators renewed").isEqualTo(1);
        assertThat(retries(agent, "THROTTLED")).as("throttled reads retried").isEqualTo(1);
        assertThat(retries(agent, "SERVER")).as("server errors retried").isEqualTo(1);
      }

      assertThat(faults.injected(Fault.EXPIRED_ITERATOR)).isEqualTo(1);
      assertThat(faults.injected(Fault.THROTTLED)).isEqualTo(SDK_ATTEMPTS);
      assertThat(faults.requests("GetShardIterator"))
          .as("iterator requests: the first, then the renewal after the records already read")
          .extracting(KinesisFaultProxy.Call::body)
          .anySatisfy(body -> assertThat(body).contains("TRIM_HORIZON"))
          .anySatisfy(body -> assertThat(body).contains("AFTER_SEQUENCE_NUMBER"));
      assertThat(network.refusedConnections()).as("connections refused while cut").isPositive();
      DispatchAssertions.assertExactlyOnce(database, stream);
    }
  }

  private static double retries(InProcessAgent agent, String kind) {
    return agent.meters.find("kinesis.retries").tag("operation", "GetRecords").tag("kind", kind)
        .counters().stream().mapToDouble(counter -> counter.count()).sum();
  }
}
