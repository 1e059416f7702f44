package org.arxiv.submission.agent.stream.kinesis;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;
import org.arxiv.submission.agent.stream.ShardInfo;
import org.junit.jupiter.api.Test;

class KinesisEligibleShardsTest {

  private static List<String> eligible(List<ShardInfo> all, Set<String> finished) {
    return KinesisEventStream.eligibleShards(all, finished).stream()
        .map(ShardInfo::shardId)
        .toList();
  }

  @Test
  void shardsWithoutParentsComeFirst() {
    List<ShardInfo> all = List.of(
        new ShardInfo("shardId-000000000002", "shardId-000000000000", null, false),
        new ShardInfo("shardId-000000000001", null, null, false),
        new ShardInfo("shardId-000000000000", null, null, true));

    assertThat(eligible(all, Set.of()))
        .containsExactly("shardId-000000000000", "shardId-000000000001");
  }

  @Test
  void mergeChildWaitsForBothParents() {
    List<ShardInfo> all = List.of(
        new ShardInfo("shardId-000000000001", null, null, true),
        new ShardInfo("shardId-000000000002", null, null, true),
        new ShardInfo("shardId-000000000003", "shardId-000000000001", "shardId-000000000002",
            false));

    assertThat(eligible(all, Set.of("shardId-000000000001")))
        .containsExactly("shardId-000000000002");
    assertThat(eligible(all, Set.of("shardId-000000000001", "shardId-000000000002")))
        .containsExactly("shardId-000000000003");
  }

  @Test
  void unlistedParentCountsAsFinished() {
    List<ShardInfo> all = List.of(
        new ShardInfo("shardId-000000000005", "shardId-000000000002", null, false));

    assertThat(eligible(all, Set.of())).containsExactly("shardId-000000000005");
  }

  @Test
  void finishedShardsAreLeftOut() {
    List<ShardInfo> all = List.of(new ShardInfo("shardId-000000000000", null, null, true));

    assertThat(eligible(all, Set.of("shardId-000000000000"))).isEmpty();
  }
}
