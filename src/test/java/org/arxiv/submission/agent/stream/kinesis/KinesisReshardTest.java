package org.arxiv.submission.agent.stream.kinesis;

import static org.arxiv.submission.agent.stream.kinesis.KinesaliteStream.records;
import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.arxiv.submission.agent.stream.RawRecord;
import org.arxiv.submission.agent.stream.ShardBatch;
import org.arxiv.submission.agent.stream.ShardInfo;
import org.arxiv.submission.agent.stream.StartPosition;
import org.arxiv.submission.agent.stream.StreamPublisher.OutgoingRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Splits and merges shards of a kinesalite stream and follows the lineage. */
class KinesisReshardTest {

  private static final String SHARD_0 = "shardId-000000000000";
  private static final String SHARD_1 = "shardId-000000000001";
  private static final String SHARD_2 = "shardId-000000000002";
  private static final String SHARD_3 = "shardId-000000000003";

  private KinesaliteStream test;

  @BeforeEach
  void createStream() {
    test = KinesaliteStream.create(1);
  }

  @AfterEach
  void deleteStream() {
    if (test != null) {
      test.close();
    }
  }

  private void split(String shardId) throws InterruptedException {
    String middle = BigInteger.TWO.pow(127).toString();
    test.realClient.splitShard(request -> request
        .streamName(test.name())
        .shardToSplit(shardId)
        .newStartingHashKey(middle));
    test.awaitActive();
  }

  private void merge(String shardId, String adjacentShardId) throws InterruptedException {
    test.realClient.mergeShards(request -> request
        .streamName(test.name())
        .shardToMerge(shardId)
        .adjacentShardToMerge(adjacentShardId));
    test.awaitActive();
  }

  private Map<String, ShardInfo> shardsById() {
    Map<String, ShardInfo> shards = new LinkedHashMap<>();
    for (ShardInfo shard : test.stream.listShards()) {
      shards.put(shard.shardId(), shard);
    }
    return shards;
  }

  @Test
  void splitChildrenNameParent() throws Exception {
    split(SHARD_0);

    Map<String, ShardInfo> shards = shardsById();

    assertThat(shards.keySet()).containsExactly(SHARD_0, SHARD_1, SHARD_2);
    assertThat(shards.get(SHARD_0).closed()).isTrue();
    assertThat(shards.get(SHARD_1)).isEqualTo(new ShardInfo(SHARD_1, SHARD_0, null, false));
    assertThat(shards.get(SHARD_2)).isEqualTo(new ShardInfo(SHARD_2, SHARD_0, null, false));
  }

  @Test
  void mergeChildNamesBothParents() throws Exception {
    split(SHARD_0);
    merge(SHARD_1, SHARD_2);

    Map<String, ShardInfo> shards = shardsById();

    assertThat(shards.get(SHARD_1).closed()).isTrue();
    assertThat(shards.get(SHARD_2).closed()).isTrue();
    assertThat(shards.get(SHARD_3)).isEqualTo(new ShardInfo(SHARD_3, SHARD_1, SHARD_2, false));
  }

  @Test
  void childrenEligibleAfterParents() throws Exception {
    split(SHARD_0);
    merge(SHARD_1, SHARD_2);
    List<ShardInfo> all = test.stream.listShards();

    assertThat(ids(KinesisEventStream.eligibleShards(all, Set.of()))).containsExactly(SHARD_0);
    assertThat(ids(KinesisEventStream.eligibleShards(all, Set.of(SHARD_0))))
        .containsExactly(SHARD_1, SHARD_2);
    assertThat(ids(KinesisEventStream.eligibleShards(all, Set.of(SHARD_0, SHARD_1))))
        .containsExactly(SHARD_2);
    assertThat(ids(KinesisEventStream.eligibleShards(all, Set.of(SHARD_0, SHARD_1, SHARD_2))))
        .containsExactly(SHARD_3);
  }

  @Test
  void closedShardEndsAfterLastRecord() throws Exception {
    List<String> sequenceNumbers = test.stream.publisher().publish(records(12, 3));
    split(SHARD_0);

    List<RawRecord> read = new ArrayList<>();
    ShardBatch batch;
    try (KinesisShardReader reader =
        test.stream.openReader(SHARD_0, new StartPosition.TrimHorizon())) {
      do {
        batch = reader.read(5);
        read.addAll(batch.records());
      } while (!batch.shardEnded());
      assertThat(reader.read(5).shardEnded()).isTrue();
    }

    assertThat(KinesaliteStream.sequenceNumbers(read)).containsExactlyElementsOf(sequenceNumbers);
  }

  @Test
  void closedEmptyShardEndsEmpty() throws Exception {
    split(SHARD_0);
    List<ShardBatch> batches = new ArrayList<>();

    // Kinesis may return one empty batch with a next iterator before it returns none.
    try (KinesisShardReader reader =
        test.stream.openReader(SHARD_0, new StartPosition.TrimHorizon())) {
      do {
        batches.add(reader.read(5));
      } while (!batches.get(batches.size() - 1).shardEnded() && batches.size() < 3);
    }

    assertThat(batches.get(batches.size() - 1).shardEnded()).isTrue();
    assertThat(batches).allMatch(batch -> batch.records().isEmpty());
  }

  @Test
  void lineageOrderKeepsKeyOrder() throws Exception {
    List<OutgoingRecord> sent = new ArrayList<>(records(40, 8));
    test.stream.publisher().publish(sent.subList(0, 15));
    split(SHARD_0);
    test.stream.publisher().publish(sent.subList(15, 30));
    merge(SHARD_1, SHARD_2);
    test.stream.publisher().publish(sent.subList(30, 40));

    List<RawRecord> read = readInLineageOrder();

    assertThat(read).hasSize(40);
    assertThat(textsByKey(read)).isEqualTo(textsByKey(sent));
  }

  /** Reads every shard to its end, taking shards in the order that eligibleShards allows. */
  private List<RawRecord> readInLineageOrder() throws InterruptedException {
    List<ShardInfo> all = test.stream.listShards();
    Set<String> finished = new HashSet<>();
    List<RawRecord> read = new ArrayList<>();
    List<ShardInfo> eligible = KinesisEventStream.eligibleShards(all, finished);
    while (!eligible.isEmpty()) {
      for (ShardInfo shard : eligible) {
        try (KinesisShardReader reader =
            test.stream.openReader(shard.shardId(), new StartPosition.TrimHorizon())) {
          read.addAll(KinesaliteStream.drain(reader, 100, 2));
        }
        finished.add(shard.shardId());
      }
      eligible = KinesisEventStream.eligibleShards(all, finished);
    }
    return read;
  }

  private static Map<String, List<String>> textsByKey(List<?> records) {
    Map<String, List<String>> byKey = new LinkedHashMap<>();
    for (Object item : records) {
      String key;
      String text;
      if (item instanceof RawRecord record) {
        key = record.partitionKey();
        text = KinesaliteStream.text(record);
      } else {
        OutgoingRecord record = (OutgoingRecord) item;
        key = record.partitionKey();
        text = new String(record.data(), StandardCharsets.UTF_8);
      }
      byKey.computeIfAbsent(key, k -> new ArrayList<>()).add(text);
    }
    return byKey;
  }

  private static List<String> ids(List<ShardInfo> shards) {
    return shards.stream().map(ShardInfo::shardId).toList();
  }
}
