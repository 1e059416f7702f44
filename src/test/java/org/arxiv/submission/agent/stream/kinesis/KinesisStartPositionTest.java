package org.arxiv.submission.agent.stream.kinesis;

import static org.arxiv.submission.agent.stream.kinesis.KinesaliteStream.drain;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.arxiv.submission.agent.stream.RawRecord;
import org.arxiv.submission.agent.stream.ShardBatch;
import org.arxiv.submission.agent.stream.StartPosition;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.kinesis.model.GetShardIteratorRequest;
import software.amazon.awssdk.services.kinesis.model.ShardIteratorType;

/** Starts readers of a one-shard kinesalite stream at each kind of position. */
class KinesisStartPositionTest {

  private KinesaliteStream test;
  private String shardId;

  @BeforeEach
  void createStream() {
    test = KinesaliteStream.create(1);
    shardId = test.stream.listShards().get(0).shardId();
  }

  @AfterEach
  void deleteStream() {
    if (test != null) {
      test.close();
    }
  }

  private List<String> readTexts(StartPosition start) throws InterruptedException {
    try (KinesisShardReader reader = test.stream.openReader(shardId, start)) {
      return drain(reader, 100, 2).stream().map(KinesaliteStream::text).toList();
    }
  }

  private void putAll(String... texts) {
    for (String text : texts) {
      test.put("key", text);
    }
  }

  private ShardIteratorType iteratorType() {
    List<GetShardIteratorRequest> requests = test.client.requests(GetShardIteratorRequest.class);
    return requests.get(requests.size() - 1).shardIteratorType();
  }

  @Test
  void trimHorizonReadsEverything() throws Exception {
    putAll("r0", "r1", "r2");

    assertThat(readTexts(new StartPosition.TrimHorizon())).containsExactly("r0", "r1", "r2");
    assertThat(iteratorType()).isEqualTo(ShardIteratorType.TRIM_HORIZON);
  }

  @Test
  void afterSequenceNumberSkipsThrough() throws Exception {
    putAll("r0");
    String second = test.put("key", "r1");
    putAll("r2", "r3");

    assertThat(readTexts(new StartPosition.AfterSequenceNumber(second)))
        .containsExactly("r2", "r3");
    assertThat(iteratorType()).isEqualTo(ShardIteratorType.AFTER_SEQUENCE_NUMBER);
  }

  @Test
  void latestReadsOnlyNewRecords() throws Exception {
    putAll("old0", "old1");
    List<String> texts = new ArrayList<>();

    try (KinesisShardReader reader = test.stream.openReader(shardId, new StartPosition.Latest())) {
      ShardBatch first = reader.read(100);
      putAll("new0", "new1");
      for (RawRecord record : drain(reader, 100, 2)) {
        texts.add(KinesaliteStream.text(record));
      }
      assertThat(first.records()).isEmpty();
    }

    assertThat(texts).containsExactly("new0", "new1");
    assertThat(iteratorType()).isEqualTo(ShardIteratorType.LATEST);
  }

  @Test
  void atTimestampStartsAtTime() throws Exception {
    putAll("before0", "before1");
    Instant start = KinesaliteStream.nextMillisecond();
    putAll("after0", "after1");

    assertThat(readTexts(new StartPosition.AtTimestamp(start)))
        .containsExactly("after0", "after1");
    assertThat(iteratorType()).isEqualTo(ShardIteratorType.AT_TIMESTAMP);
  }

  @Test
  void lastSequenceNumberFollowsReads() throws Exception {
    putAll("r0");
    String last = test.put("key", "r1");

    try (KinesisShardReader reader =
        test.stream.openReader(shardId, new StartPosition.TrimHorizon())) {
      assertThat(reader.lastSequenceNumber()).isNull();
      drain(reader, 100, 1);
      assertThat(reader.lastSequenceNumber()).isEqualTo(last);
    }
  }
}
