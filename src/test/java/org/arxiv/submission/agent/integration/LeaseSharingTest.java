package org.arxiv.submission.agent.integration;

import static org.arxiv.submission.agent.integration.TestStream.SHARD_0;
import static org.arxiv.submission.agent.integration.TestStream.SHARD_1;
import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.Counter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.arxiv.submission.agent.stream.RawRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two agent instances on one database and one two-shard stream: each reads one shard, and
 * when one stops, the other takes over its shard and reads the records put afterwards.
 */
class LeaseSharingTest {

  /** Three lease periods of 3 s: enough for a release to be seen and the shard taken. */
  private static final Duration TAKE_OVER_TIMEOUT = Duration.ofSeconds(10);

  @TempDir
  Path folder;

  @Test
  void instancesShareShardsThenOneTakesOver() throws Exception {
    try (TestDatabase database = TestDatabase.create();
        TestStream stream = TestStream.create(2)) {
      Map<String, String> settingsA = InProcessAgent.settings(stream, database, "agent-a");
      Map<String, String> settingsB = InProcessAgent.settings(stream, database, "agent-b");
      Path config = Cli.writeConfig(folder.resolve("agent.properties"), settingsA);
      List<String> copies = Cli.sampleCopies(folder, 5);
      int perCopy = copies.size() / 5;

      try (InProcessAgent a = InProcessAgent.start(settingsA)) {
        try (InProcessAgent b = InProcessAgent.start(settingsB)) {
          Await.until("each instance holds one shard", Duration.ofSeconds(20),
              () -> a.consumer.heldShards().size() == 1 && b.consumer.heldShards().size() == 1);
          Set<String> held = new HashSet<>(a.consumer.heldShards());
          held.addAll(b.consumer.heldShards());
          assertThat(held).as("shards held by the two instances")
              .containsExactlyInAnyOrder(SHARD_0, SHARD_1);

          Cli.publish(config, folder, copies.subList(0, 3 * perCopy));
          a.awaitIdle(Duration.ofSeconds(60));
          b.awaitIdle(Duration.ofSeconds(60));
          assertThat(handled(a, a.consumer.heldShards().iterator().next()))
              .as("records agent-a handled").isPositive();
          assertThat(handled(b, b.consumer.heldShards().iterator().next()))
              .as("records agent-b handled").isPositive();
        }

        Await.until("agent-a holds both shards", TAKE_OVER_TIMEOUT,
            () -> a.consumer.heldShards().size() == 2);
        assertThat(a.consumer.heldShards()).containsExactlyInAnyOrder(SHARD_0, SHARD_1);
        double before0 = handled(a, SHARD_0);
        double before1 = handled(a, SHARD_1);

        List<String> later = copies.subList(3 * perCopy, copies.size());
        Cli.publish(config, folder, later);
        assertThat(shardsOf(stream, later)).as("shards of the records put after the take-over")
            .containsExactlyInAnyOrder(SHARD_0, SHARD_1);
        a.awaitIdle(Duration.ofSeconds(60));
        assertThat(handled(a, SHARD_0)).as("records agent-a handled on %s", SHARD_0)
            .isGreaterThan(before0);
        assertThat(handled(a, SHARD_1)).as("records agent-a handled on %s", SHARD_1)
            .isGreaterThan(before1);
      }

      DispatchAssertions.assertExactlyOnce(database, stream);
    }
  }

  /** Returns how many records of the shard the instance has handled, by its metrics. */
  private static double handled(InProcessAgent agent, String shardId) {
    return agent.meters.find("agent.records").tag("shard", shardId).counters().stream()
        .mapToDouble(Counter::count)
        .sum();
  }

  /** Returns the shards that hold the records of these lines. */
  private static Set<String> shardsOf(TestStream stream, List<String> lines) {
    Set<String> texts = new HashSet<>(lines);
    return stream.allRecords().stream()
        .filter(record -> texts.contains(new String(record.data(),
            java.nio.charset.StandardCharsets.UTF_8)))
        .map(RawRecord::shardId)
        .collect(Collectors.toSet());
  }
}
