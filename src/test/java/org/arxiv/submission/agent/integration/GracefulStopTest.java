package org.arxiv.submission.agent.integration;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigInteger;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.arxiv.submission.agent.integration.DispatchAssertions.Trigger;
import org.arxiv.submission.agent.stream.RawRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The agent on a two-shard kinesalite stream and MariaDB, stopped with SIGTERM while records
 * flow: it exits 0, holds no lease afterwards, and its checkpoints match what it dispatched
 * (every record up to a checkpoint started its processes, none after it did). A second run
 * carries on from there, and every record is dispatched exactly once.
 */
class GracefulStopTest {

  private static final int COPIES = 10;

  @TempDir
  Path folder;

  @Test
  void sigtermCommitsAndReleasesLeases() throws Exception {
    try (TestDatabase database = TestDatabase.create();
        TestStream stream = TestStream.create(2)) {
      Map<String, String> settings = InProcessAgent.settings(stream, database, "agent-a");
      Path config = Cli.writeConfig(folder.resolve("agent.properties"), settings);
      Cli.publish(config, folder, Cli.sampleCopies(folder, COPIES));
      int expectedRuns = DispatchAssertions.expectedTriggers(stream.allRecords()).size();

      try (AgentProcess first = AgentProcess.start(config, folder.resolve("first.log"), "run")) {
        Await.until("the run has started a tenth of the processes", Duration.ofSeconds(60),
            () -> !first.isAlive() || runs(database) >= expectedRuns / 10);
        assertThat(first.isAlive()).as("agent alive before SIGTERM; log:\n%s", first.logTail())
            .isTrue();
        first.terminate();
        assertThat(first.awaitExit(Duration.ofSeconds(60)))
            .as("exit code after SIGTERM; log:\n%s", first.logTail()).isZero();
      }

      assertThat(database.count("SELECT COUNT(*) FROM shard_lease WHERE owner IS NOT NULL"))
          .as("leases held after the stop").isZero();
      assertThat(runs(database)).as("runs at the stop").isLessThan(expectedRuns);
      assertDispatchedUpToCheckpoints(database, stream);

      try (AgentProcess second = AgentProcess.start(config, folder.resolve("second.log"),
          "run", "--until-idle", "--duration", "120")) {
        assertThat(second.awaitExit(Duration.ofSeconds(150)))
            .as("exit code of the second run; log:\n%s", second.logTail()).isZero();
      }
      DispatchAssertions.assertExactlyOnce(database, stream);
    }
  }

  /**
   * Asserts that the processes started are exactly those of the records at or before each
   * shard's checkpoint: the record in hand at the stop was committed with its checkpoint, and
   * nothing after the checkpoint was dispatched.
   */
  private static void assertDispatchedUpToCheckpoints(TestDatabase database, TestStream stream)
      throws Exception {
    Map<String, TestDatabase.Checkpoint> checkpoints = database.checkpoints(stream.name());
    List<RawRecord> handled = new ArrayList<>();
    for (Map.Entry<String, List<RawRecord>> shard : stream.readAll().entrySet()) {
      TestDatabase.Checkpoint checkpoint = checkpoints.get(shard.getKey());
      if (checkpoint == null || checkpoint.sequenceNumber() == null) {
        continue;
      }
      BigInteger last = new BigInteger(checkpoint.sequenceNumber());
      shard.getValue().stream()
          .filter(record -> new BigInteger(record.sequenceNumber()).compareTo(last) <= 0)
          .forEach(handled::add);
    }
    Set<Trigger> started = database.runs().stream()
        .map(run -> new Trigger(run.triggerEventId(), run.process()))
        .collect(Collectors.toSet());
    assertThat(started).as("processes started, against the records up to the checkpoints")
        .isEqualTo(DispatchAssertions.expectedTriggers(handled));
  }

  private static long runs(TestDatabase database) {
    return database.countOrMissing("SELECT COUNT(*) FROM process_run");
  }
}
