package org.arxiv.submission.agent.stream.kinesis;

import static org.arxiv.submission.agent.stream.kinesis.FaultInjectingKinesisClient.expired;
import static org.arxiv.submission.agent.stream.kinesis.FaultInjectingKinesisClient.networkError;
import static org.arxiv.submission.agent.stream.kinesis.FaultInjectingKinesisClient.throttled;
import static org.arxiv.submission.agent.stream.kinesis.KinesaliteStream.drain;
import static org.arxiv.submission.agent.stream.kinesis.KinesaliteStream.sequenceNumbers;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.arxiv.submission.agent.stream.ShardBatch;
import org.arxiv.submission.agent.stream.StartPosition;
import org.arxiv.submission.agent.stream.kinesis.KinesisErrors.Kind;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.exception.AbortedException;
import software.amazon.awssdk.services.kinesis.model.GetRecordsRequest;
import software.amazon.awssdk.services.kinesis.model.GetRecordsResponse;
import software.amazon.awssdk.services.kinesis.model.GetShardIteratorRequest;
import software.amazon.awssdk.services.kinesis.model.KmsThrottlingException;
import software.amazon.awssdk.services.kinesis.model.ResourceNotFoundException;
import software.amazon.awssdk.services.kinesis.model.ShardIteratorType;

/**
 * Injects throttling, network errors and expired iterators into the calls of a reader on a
 * one-shard kinesalite stream, and checks that every record is still returned exactly once.
 */
class KinesisReaderFaultTest {

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

  private List<String> putRecords(int count) {
    List<String> sequenceNumbers = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      sequenceNumbers.add(test.put("key", "r" + i));
    }
    return sequenceNumbers;
  }

  private KinesisShardReader trimHorizonReader() {
    return test.stream.openReader(shardId, new StartPosition.TrimHorizon());
  }

  private List<GetShardIteratorRequest> iteratorRequests() {
    return test.client.requests(GetShardIteratorRequest.class);
  }

  @Test
  void throttlingAndNetworkErrorsLoseNothing() throws Exception {
    List<String> put = putRecords(30);
    test.client.fail("GetRecords", 2, throttled());
    test.client.fail("GetRecords", 3, KmsThrottlingException.builder().message("kms").build());
    test.client.fail("GetRecords", 4, networkError());

    List<String> read;
    try (KinesisShardReader reader = trimHorizonReader()) {
      read = sequenceNumbers(drain(reader, 7, 2));
    }

    assertThat(read).containsExactlyElementsOf(put);
    assertThat(test.retries(Kind.THROTTLED)).isEqualTo(2);
    assertThat(test.retries(Kind.NETWORK)).isEqualTo(1);
    assertThat(iteratorRequests()).hasSize(1);
  }

  @Test
  void throttledIteratorRequestIsRetried() throws Exception {
    List<String> put = putRecords(3);
    test.client.fail("GetShardIterator", 1, throttled());

    try (KinesisShardReader reader = trimHorizonReader()) {
      assertThat(sequenceNumbers(drain(reader, 10, 1))).containsExactlyElementsOf(put);
    }
    assertThat(test.client.calls("GetShardIterator")).isEqualTo(2);
    assertThat(test.retries(Kind.THROTTLED)).isEqualTo(1);
  }

  @Test
  void expiredIteratorResumesAfterLastRecord() throws Exception {
    List<String> put = putRecords(20);
    test.client.fail("GetRecords", 3, expired());

    List<String> read;
    try (KinesisShardReader reader = trimHorizonReader()) {
      read = sequenceNumbers(drain(reader, 5, 2));
    }

    assertThat(read).containsExactlyElementsOf(put);
    assertThat(iteratorRequests()).hasSize(2);
    GetShardIteratorRequest renewed = iteratorRequests().get(1);
    assertThat(renewed.shardIteratorType()).isEqualTo(ShardIteratorType.AFTER_SEQUENCE_NUMBER);
    assertThat(renewed.startingSequenceNumber()).isEqualTo(put.get(9));
    assertThat(test.retries(Kind.EXPIRED_ITERATOR)).isEqualTo(1);
  }

  @Test
  void expiredBeforeRecordsRestartsAtStart() throws Exception {
    List<String> put = putRecords(5);
    test.client.fail("GetRecords", 1, expired());

    try (KinesisShardReader reader = trimHorizonReader()) {
      assertThat(sequenceNumbers(drain(reader, 10, 1))).containsExactlyElementsOf(put);
    }
    assertThat(iteratorRequests()).extracting(GetShardIteratorRequest::shardIteratorType)
        .containsExactly(ShardIteratorType.TRIM_HORIZON, ShardIteratorType.TRIM_HORIZON);
  }

  @Test
  void expiredLatestResumesAtStartTime() throws Exception {
    putRecords(2);
    Instant startedAt = KinesaliteStream.nextMillisecond();
    test.clock.set(startedAt);
    test.client.fail("GetRecords", 2, expired());
    List<String> later = new ArrayList<>();

    try (KinesisShardReader reader =
        test.stream.openReader(shardId, new StartPosition.Latest())) {
      assertThat(reader.read(10).records()).isEmpty();
      later.add(test.put("key", "new0"));
      later.add(test.put("key", "new1"));
      assertThat(sequenceNumbers(drain(reader, 10, 2))).containsExactlyElementsOf(later);
    }

    GetShardIteratorRequest renewed = iteratorRequests().get(1);
    assertThat(renewed.shardIteratorType()).isEqualTo(ShardIteratorType.AT_TIMESTAMP);
    assertThat(renewed.timestamp()).isEqualTo(startedAt);
  }

  @Test
  void retriesUntilClosed() throws Exception {
    for (int call = 1; call <= 100; call++) {
      test.client.fail("GetRecords", call, throttled());
    }
    KinesisShardReader reader = trimHorizonReader();
    test.sleeper.clear();
    // Sleeps are backoff delays and call-interval waits, so count the calls instead.
    test.sleeper.onSleep(count -> {
      if (test.client.calls("GetRecords") == 8) {
        reader.close();
      }
    });

    assertThatThrownBy(() -> reader.read(10))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("closed");
    assertThat(test.client.calls("GetRecords")).isEqualTo(8);
    assertThat(test.retries(Kind.THROTTLED)).isEqualTo(8);
    assertThat(test.sleeper.sleeps()).allMatch(
        sleep -> sleep.compareTo(test.settings.backoff().max()) <= 0);
  }

  @Test
  void interruptStopsRetries() throws Exception {
    for (int call = 1; call <= 100; call++) {
      test.client.fail("GetRecords", call, networkError());
    }
    test.sleeper.onSleep(count -> {
      if (test.client.calls("GetRecords") == 3) {
        throw new InterruptedException("stop requested");
      }
    });

    try (KinesisShardReader reader = trimHorizonReader()) {
      assertThatThrownBy(() -> reader.read(10)).isInstanceOf(InterruptedException.class);
    }
    assertThat(test.client.calls("GetRecords")).isEqualTo(3);
  }

  @Test
  void abortedCallRaisesInterrupt() throws Exception {
    test.client.fail("GetRecords", 1, AbortedException.builder().message("aborted").build());

    try (KinesisShardReader reader = trimHorizonReader()) {
      assertThatThrownBy(() -> reader.read(10)).isInstanceOf(InterruptedException.class);
    }
    assertThat(Thread.currentThread().isInterrupted()).isFalse();
    assertThat(test.sleeper.sleeps()).isEmpty();
  }

  @Test
  void missingStreamIsRaised() throws Exception {
    test.client.fail("GetRecords", 1,
        ResourceNotFoundException.builder().message("Stream not found").statusCode(400).build());

    try (KinesisShardReader reader = trimHorizonReader()) {
      assertThatThrownBy(() -> reader.read(10)).isInstanceOf(ResourceNotFoundException.class);
    }
    assertThat(test.sleeper.sleeps()).isEmpty();
    assertThat(test.client.calls("GetRecords")).isEqualTo(1);
  }

  @Test
  void emptyBatchBehindSkipsIdleSleep() throws Exception {
    test.client.<GetRecordsRequest, GetRecordsResponse>inject("GetRecords", 1, (request, real) ->
        real.apply(request).toBuilder().millisBehindLatest(5_000L).build());

    try (KinesisShardReader reader = trimHorizonReader()) {
      ShardBatch behind = reader.read(10);
      assertThat(behind.millisBehindLatest()).isEqualTo(5_000L);
      assertThat(behind.recordsBehind()).as("records behind, which Kinesis does not report")
          .isNull();
      reader.read(10);
      reader.read(10);
    }

    // Behind the tip, the next call waits only the call interval. At the tip, it waits the idle
    // sleep.
    assertThat(test.sleeper.sleeps())
        .containsExactly(KinesisShardReader.MIN_CALL_INTERVAL, test.settings.idleSleep());
  }

  @Test
  void limitOutsideRangeIsRejected() {
    try (KinesisShardReader reader = trimHorizonReader()) {
      assertThatThrownBy(() -> reader.read(0)).isInstanceOf(IllegalArgumentException.class);
      assertThatThrownBy(() -> reader.read(10_001))
          .isInstanceOf(IllegalArgumentException.class);
    }
  }
}
