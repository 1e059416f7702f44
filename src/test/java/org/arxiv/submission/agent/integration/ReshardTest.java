package org.arxiv.submission.agent.integration;

import static org.arxiv.submission.agent.integration.TestStream.SHARD_0;
import static org.arxiv.submission.agent.integration.TestStream.SHARD_1;
import static org.arxiv.submission.agent.integration.TestStream.SHARD_2;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.arxiv.submission.agent.stream.RawRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Records of the same submissions before and after a split or merge: the agent reads a child
 * shard only after it has handled every record of its parents, so each submission's events
 * are dispatched in order, and every record once.
 */
class ReshardTest {

  @TempDir
  Path folder;

  @Test
  void splitChildrenReadAfterParent() throws Exception {
    try (TestDatabase database = TestDatabase.create();
        TestStream stream = TestStream.create(1)) {
      Map<String, String> settings = InProcessAgent.settings(stream, database, "agent-a");
      Path config = Cli.writeConfig(folder.resolve("agent.properties"), settings);
      // Three copies, so that each child gets later events of submissions that started on the
      // parent: submissions 155 to 157 hash to the lower half and 1 to 3 to the upper one.
      List<String> copies = Cli.sampleCopies(folder, 3);

      Cli.publish(config, folder, firstHalves(copies));
      stream.split(SHARD_0);
      Cli.publish(config, folder, secondHalves(copies));
      Map<String, List<RawRecord>> published = stream.readAll();
      assertThat(published.get(SHARD_1)).as("records on the lower child").isNotEmpty();
      assertThat(published.get(SHARD_2)).as("records on the upper child").isNotEmpty();

      runUntilIdle(settings);

      DispatchAssertions.assertExactlyOnce(database, stream);
      assertChildrenAfterParents(database, List.of(SHARD_0), List.of(SHARD_1, SHARD_2));
    }
  }

  @Test
  void mergedChildReadAfterBothParents() throws Exception {
    try (TestDatabase database = TestDatabase.create();
        TestStream stream = TestStream.create(2)) {
      Map<String, String> settings = InProcessAgent.settings(stream, database, "agent-a");
      Path config = Cli.writeConfig(folder.resolve("agent.properties"), settings);
      // Two copies: submission 78 hashes to the first shard, the others to the second.
      List<String> copies = Cli.sampleCopies(folder, 2);

      Cli.publish(config, folder, firstHalves(copies));
      Map<String, List<RawRecord>> beforeMerge = stream.readAll();
      assertThat(beforeMerge.get(SHARD_0)).as("records on %s", SHARD_0).isNotEmpty();
      assertThat(beforeMerge.get(SHARD_1)).as("records on %s", SHARD_1).isNotEmpty();
      stream.merge(SHARD_0, SHARD_1);
      Cli.publish(config, folder, secondHalves(copies));

      runUntilIdle(settings);

      DispatchAssertions.assertExactlyOnce(database, stream);
      assertChildrenAfterParents(database, List.of(SHARD_0, SHARD_1), List.of(SHARD_2));
    }
  }

  private static void runUntilIdle(Map<String, String> settings) throws InterruptedException {
    try (InProcessAgent agent = InProcessAgent.start(settings)) {
      agent.awaitIdle(Duration.ofSeconds(120));
    }
  }

  /** Returns the first half of every 66-line copy of the samples. */
  private static List<String> firstHalves(List<String> copies) {
    return halves(copies, 0);
  }

  private static List<String> secondHalves(List<String> copies) {
    return halves(copies, 1);
  }

  private static List<String> halves(List<String> copies, int half) {
    int perCopy = 66;
    List<String> lines = new ArrayList<>();
    for (int start = 0; start < copies.size(); start += perCopy) {
      int middle = start + perCopy / 2;
      lines.addAll(half == 0 ? copies.subList(start, middle)
          : copies.subList(middle, start + perCopy));
    }
    return lines;
  }

  /**
   * Asserts that every run started from a child shard's records was created after every run
   * started from its parents' records, which is the order the consumer dispatched them in.
   */
  private static void assertChildrenAfterParents(TestDatabase database, List<String> parents,
      List<String> children) throws Exception {
    List<TestDatabase.Run> runs = database.runs();
    Instant lastParentRun = runs.stream()
        .filter(run -> parents.contains(run.shardId()))
        .map(TestDatabase.Run::created)
        .max(Instant::compareTo)
        .orElseThrow(() -> new AssertionError("no run started from " + parents));
    Instant firstChildRun = runs.stream()
        .filter(run -> children.contains(run.shardId()))
        .map(TestDatabase.Run::created)
        .min(Instant::compareTo)
        .orElseThrow(() -> new AssertionError("no run started from " + children));
    assertThat(firstChildRun).as("first run from %s, after the last run from %s", children,
        parents).isAfter(lastParentRun);
  }
}
