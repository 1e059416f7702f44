package org.arxiv.submission.agent.stream.kinesis;

import static org.arxiv.submission.agent.stream.kinesis.KinesaliteStream.drain;
import static org.arxiv.submission.agent.stream.kinesis.KinesaliteStream.number;
import static org.arxiv.submission.agent.stream.kinesis.KinesaliteStream.records;
import static org.arxiv.submission.agent.stream.kinesis.KinesaliteStream.text;
import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigInteger;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.arxiv.submission.agent.stream.RawRecord;
import org.arxiv.submission.agent.stream.ShardBatch;
import org.arxiv.submission.agent.stream.ShardInfo;
import org.arxiv.submission.agent.stream.StartPosition;
import org.arxiv.submission.agent.stream.StreamPublisher.OutgoingRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Puts and reads records on a two-shard kinesalite stream. */
class KinesisReadWriteTest {

  private KinesaliteStream test;

  @BeforeEach
  void createStream() {
    test = KinesaliteStream.create(2);
  }

  @AfterEach
  void deleteStream() {
    if (test != null) {
      test.close();
    }
  }

  @Test
  void everyRecordIsReadOnce() throws Exception {
    List<OutgoingRecord> sent = records(300, 10);
    List<String> sequenceNumbers = test.stream.publisher().publish(sent);

    List<ShardInfo> shards = test.stream.listShards();
    List<RawRecord> read = new ArrayList<>();
    for (ShardInfo shard : shards) {
      try (KinesisShardReader reader =
          test.stream.openReader(shard.shardId(), new StartPosition.TrimHorizon())) {
        read.addAll(drain(reader, 50, 2));
      }
    }

    assertThat(shards).hasSize(2);
    assertThat(read).hasSize(300);
    assertThat(read.stream().map(RawRecord::sequenceNumber).toList())
        .containsExactlyInAnyOrderElementsOf(sequenceNumbers);
    assertThat(read.stream().map(KinesaliteStream::text).toList())
        .containsExactlyInAnyOrderElementsOf(
            sent.stream().map(record -> new String(record.data())).toList());
  }

  @Test
  void recordCarriesShardKeyAndArrival() throws Exception {
    String sequenceNumber = test.put("submission-7", "hello");

    RawRecord record = findRecord(sequenceNumber);

    assertThat(record.partitionKey()).isEqualTo("submission-7");
    assertThat(text(record)).isEqualTo("hello");
    assertThat(record.arrival()).isNotNull();
    assertThat(test.stream.listShards())
        .extracting(ShardInfo::shardId)
        .contains(record.shardId());
  }

  @Test
  void shardKeepsPutOrder() throws Exception {
    for (int i = 0; i < 40; i++) {
      test.put("same-key", "r" + i);
    }
    String shardId = findRecord(test.put("same-key", "last")).shardId();

    List<RawRecord> read;
    try (KinesisShardReader reader =
        test.stream.openReader(shardId, new StartPosition.TrimHorizon())) {
      read = drain(reader, 7, 2);
    }

    List<String> texts = read.stream().map(KinesaliteStream::text).toList();
    assertThat(texts).hasSize(41);
    assertThat(texts.get(0)).isEqualTo("r0");
    assertThat(texts.get(39)).isEqualTo("r39");
    assertThat(texts.get(40)).isEqualTo("last");
    for (int i = 1; i < read.size(); i++) {
      BigInteger previous = number(read.get(i - 1).sequenceNumber());
      assertThat(number(read.get(i).sequenceNumber())).isGreaterThan(previous);
    }
  }

  @Test
  void busyShardIsReadWithoutIdleSleep() throws Exception {
    for (int i = 0; i < 30; i++) {
      test.put("pace", "r" + i);
    }
    String shardId = findRecord(test.put("pace", "r30")).shardId();
    test.sleeper.clear();

    List<ShardBatch> batches = new ArrayList<>();
    try (KinesisShardReader reader =
        test.stream.openReader(shardId, new StartPosition.TrimHorizon())) {
      for (int i = 0; i < 5; i++) {
        batches.add(reader.read(10));
      }
    }

    assertThat(batches.subList(0, 4)).allMatch(batch -> !batch.records().isEmpty());
    assertThat(batches.get(4).records()).isEmpty();
    assertThat(batches.get(4).millisBehindLatest()).isZero();
    assertThat(batches.get(4).recordsBehind()).isZero();
    // One wait before each call after the first: the call interval only, no idle sleep.
    Duration interval = KinesisShardReader.MIN_CALL_INTERVAL;
    assertThat(interval).isEqualTo(Duration.ofMillis(200));
    assertThat(test.sleeper.sleeps()).containsExactly(interval, interval, interval, interval);
  }

  @Test
  void idleShardWaitsIdleSleep() throws Exception {
    String shardId = test.stream.listShards().get(0).shardId();
    test.sleeper.clear();

    try (KinesisShardReader reader =
        test.stream.openReader(shardId, new StartPosition.TrimHorizon())) {
      assertThat(reader.read(10).records()).isEmpty();
      assertThat(reader.read(10).records()).isEmpty();
      assertThat(reader.read(10).records()).isEmpty();
    }

    assertThat(test.sleeper.sleeps()).containsExactly(test.settings.idleSleep(),
        test.settings.idleSleep());
  }

  @Test
  void callsStayFivePerSecond() throws Exception {
    for (int i = 0; i < 60; i++) {
      test.put("rate", "r" + i);
    }
    String shardId = findRecord(test.put("rate", "r60")).shardId();
    List<Instant> callTimes = new ArrayList<>();
    test.client.observe("GetRecords", () -> callTimes.add(test.clock.instant()));

    try (KinesisShardReader reader =
        test.stream.openReader(shardId, new StartPosition.TrimHorizon())) {
      for (int i = 0; i < 20; i++) {
        assertThat(reader.read(3).records()).hasSize(3);
      }
    }

    for (int i = 5; i < callTimes.size(); i++) {
      Duration window = Duration.between(callTimes.get(i - 5), callTimes.get(i));
      assertThat(window).isGreaterThanOrEqualTo(Duration.ofSeconds(1));
    }
  }

  /** Returns the record with {@code sequenceNumber}, searching every shard. */
  private RawRecord findRecord(String sequenceNumber) throws InterruptedException {
    Set<String> seen = new HashSet<>();
    for (ShardInfo shard : test.stream.listShards()) {
      try (KinesisShardReader reader =
          test.stream.openReader(shard.shardId(), new StartPosition.TrimHorizon())) {
        for (RawRecord record : drain(reader, 1000, 1)) {
          seen.add(record.sequenceNumber());
          if (record.sequenceNumber().equals(sequenceNumber)) {
            return record;
          }
        }
      }
    }
    throw new AssertionError("record " + sequenceNumber + " not found among " + seen.size());
  }
}
