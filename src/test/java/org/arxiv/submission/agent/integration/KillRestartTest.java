package org.arxiv.submission.agent.integration;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.arxiv.submission.agent.stream.RawRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The agent killed with SIGKILL while it is dispatching a batch, then started again: the
 * second run picks up from the checkpoints, and no trigger, step or status is committed twice
 * or lost.
 */
class KillRestartTest {

  /** Copies of the samples: enough records that the first run is still busy when killed. */
  private static final int COPIES = 10;

  @TempDir
  Path folder;

  @Test
  void sigkillMidBatchLosesAndRepeatsNothing() throws Exception {
    try (TestDatabase database = TestDatabase.create();
        TestStream stream = TestStream.create(2)) {
      Map<String, String> settings = InProcessAgent.settings(stream, database, "unused");
      // Each start names itself anew, as by default, so the second run must wait for the
      // killed run's leases to expire.
      settings.remove("AGENT_INSTANCE_NAME");
      Path config = Cli.writeConfig(folder.resolve("agent.properties"), settings);
      Cli.publish(config, folder, Cli.sampleCopies(folder, COPIES));
      Map<String, List<RawRecord>> input = stream.readAll();
      int expectedRuns = DispatchAssertions.expectedTriggers(
          input.values().stream().flatMap(List::stream).toList()).size();

      try (AgentProcess first = AgentProcess.start(config, folder.resolve("first.log"), "run")) {
        Await.until("the first run has started a tenth of the processes",
            Duration.ofSeconds(60), () -> !first.isAlive() || runs(database) >= expectedRuns / 10);
        assertThat(first.isAlive()).as("first run alive before the kill; log:\n%s",
            first.logTail()).isTrue();
        first.kill();
      }
      assertThat(runs(database)).as("runs when the first run was killed")
          .isLessThan(expectedRuns);
      Map<String, TestDatabase.Checkpoint> checkpoints = database.checkpoints(stream.name());
      assertThat(input.entrySet()).as("shards whose checkpoint was behind at the kill")
          .anySatisfy(shard -> assertThat(checkpoints.get(shard.getKey()))
              .satisfiesAnyOf(
                  checkpoint -> assertThat(checkpoint).isNull(),
                  checkpoint -> assertThat(checkpoint.sequenceNumber()).isNotEqualTo(
                      shard.getValue().get(shard.getValue().size() - 1).sequenceNumber())));

      try (AgentProcess second = AgentProcess.start(config, folder.resolve("second.log"),
          "run", "--until-idle", "--duration", "120")) {
        int exitCode = second.awaitExit(Duration.ofSeconds(150));
        assertThat(exitCode).as("exit code of the second run; log:\n%s", second.logTail())
            .isZero();
      }

      DispatchAssertions.assertExactlyOnce(database, stream);
    }
  }

  private static long runs(TestDatabase database) {
    return database.countOrMissing("SELECT COUNT(*) FROM process_run");
  }
}
