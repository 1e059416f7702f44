package org.arxiv.submission.agent.integration;

import static org.arxiv.submission.agent.integration.TestStream.SHARD_0;
import static org.arxiv.submission.agent.integration.TestStream.SHARD_1;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.arxiv.submission.agent.stream.RawRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The agent on a two-shard kinesalite stream and MariaDB. The sample records go in through the
 * publish command, and every process the rules start runs exactly once. That includes the
 * processes started by the agent's own emitted events after the relay put them on the stream.
 */
class TwoShardDispatchTest {

  @TempDir
  Path folder;

  @Test
  void everyTriggerRunsOnceAndEmittedEventsReturn() throws Exception {
    try (TestDatabase database = TestDatabase.create();
        TestStream stream = TestStream.create(2)) {
      Map<String, String> settings = InProcessAgent.settings(stream, database, "agent-a");
      Path config = Cli.writeConfig(folder.resolve("agent.properties"), settings);
      // Submissions 1 to 3 of the samples all hash to the second shard, so renumbered copies
      // of them give the first shard records too.
      Cli.publish(config, folder, Cli.sampleCopies(folder, 3));
      Map<String, List<RawRecord>> published = stream.readAll();
      assertThat(published.get(SHARD_0)).as("records on %s", SHARD_0).isNotEmpty();
      assertThat(published.get(SHARD_1)).as("records on %s", SHARD_1).isNotEmpty();

      try (InProcessAgent agent = InProcessAgent.start(settings)) {
        agent.awaitIdle(Duration.ofSeconds(120));
        assertThat(agent.consumer.heldShards()).containsExactlyInAnyOrder(SHARD_0, SHARD_1);
      }

      DispatchAssertions.assertExactlyOnce(database, stream);
      Set<String> emittedProposals = database.emitted().stream()
          .filter(event -> event.eventType().equals("AddProposal"))
          .map(TestDatabase.Emitted::eventId)
          .collect(Collectors.toSet());
      assertThat(emittedProposals).as("AddProposal events the agent emitted").isNotEmpty();
      assertThat(database.runs()).as("runs started by the agent's own AddProposal events")
          .filteredOn(run -> emittedProposals.contains(run.triggerEventId()))
          .extracting(TestDatabase.Run::process)
          .contains("AcceptSystemCrossListProposals");
    }
  }
}
