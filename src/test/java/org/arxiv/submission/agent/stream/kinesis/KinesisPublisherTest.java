package org.arxiv.submission.agent.stream.kinesis;

import static org.arxiv.submission.agent.stream.kinesis.FaultInjectingKinesisClient.networkError;
import static org.arxiv.submission.agent.stream.kinesis.FaultInjectingKinesisClient.throttled;
import static org.arxiv.submission.agent.stream.kinesis.KinesaliteStream.drain;
import static org.arxiv.submission.agent.stream.kinesis.KinesaliteStream.number;
import static org.arxiv.submission.agent.stream.kinesis.KinesaliteStream.records;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.arxiv.submission.agent.stream.RawRecord;
import org.arxiv.submission.agent.stream.RecordTooLargeException;
import org.arxiv.submission.agent.stream.ShardInfo;
import org.arxiv.submission.agent.stream.StartPosition;
import org.arxiv.submission.agent.stream.StreamPublisher.OutgoingRecord;
import org.arxiv.submission.agent.stream.kinesis.KinesisErrors.Kind;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.kinesis.model.PutRecordsRequest;
import software.amazon.awssdk.services.kinesis.model.PutRecordsRequestEntry;
import software.amazon.awssdk.services.kinesis.model.PutRecordsResponse;
import software.amazon.awssdk.services.kinesis.model.PutRecordsResultEntry;
import software.amazon.awssdk.services.kinesis.model.ValidationException;

/** Publishes to a two-shard kinesalite stream, with injected partial failures. */
class KinesisPublisherTest {

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

  private List<RawRecord> readAll() throws InterruptedException {
    List<RawRecord> read = new ArrayList<>();
    for (ShardInfo shard : test.stream.listShards()) {
      try (KinesisShardReader reader =
          test.stream.openReader(shard.shardId(), new StartPosition.TrimHorizon())) {
        read.addAll(drain(reader, 10_000, 2));
      }
    }
    return read;
  }

  private static Map<String, List<String>> textsByKey(List<RawRecord> records) {
    Map<String, List<String>> byKey = new LinkedHashMap<>();
    for (RawRecord record : records) {
      byKey.computeIfAbsent(record.partitionKey(), key -> new ArrayList<>())
          .add(KinesaliteStream.text(record));
    }
    return byKey;
  }

  private static List<String> texts(List<OutgoingRecord> records, String key) {
    return records.stream()
        .filter(record -> record.partitionKey().equals(key))
        .map(record -> new String(record.data(), StandardCharsets.UTF_8))
        .toList();
  }

  private List<Integer> requestSizes() {
    return test.client.requests(PutRecordsRequest.class).stream()
        .map(request -> request.records().size())
        .toList();
  }

  @Test
  void largeBatchKeepsKeyOrder() throws Exception {
    List<OutgoingRecord> sent = records(1200, 7);

    List<String> sequenceNumbers = test.stream.publisher().publish(sent);

    assertThat(requestSizes()).containsExactly(500, 500, 200);
    assertThat(sequenceNumbers).hasSize(1200).doesNotContainNull().doesNotHaveDuplicates();
    Map<String, BigInteger> lastByKey = new LinkedHashMap<>();
    for (int i = 0; i < sent.size(); i++) {
      BigInteger current = number(sequenceNumbers.get(i));
      BigInteger previous = lastByKey.put(sent.get(i).partitionKey(), current);
      if (previous != null) {
        assertThat(current).as("record %d", i).isGreaterThan(previous);
      }
    }
    Map<String, List<String>> read = textsByKey(readAll());
    assertThat(read.keySet()).hasSize(7);
    for (String key : read.keySet()) {
      assertThat(read.get(key)).as("key %s", key).containsExactlyElementsOf(texts(sent, key));
    }
  }

  @Test
  void sequenceNumbersMatchStoredRecords() throws Exception {
    List<OutgoingRecord> sent = records(20, 3);

    List<String> sequenceNumbers = test.stream.publisher().publish(sent);

    Map<String, String> textBySequence = new LinkedHashMap<>();
    for (RawRecord record : readAll()) {
      textBySequence.put(record.sequenceNumber(), KinesaliteStream.text(record));
    }
    for (int i = 0; i < sent.size(); i++) {
      assertThat(textBySequence.get(sequenceNumbers.get(i)))
          .isEqualTo(new String(sent.get(i).data(), StandardCharsets.UTF_8));
    }
  }

  @Test
  void requestsStayUnderFiveMebibytes() throws Exception {
    byte[] data = new byte[900 * 1024];
    List<OutgoingRecord> sent = new ArrayList<>();
    for (int i = 0; i < 12; i++) {
      sent.add(new OutgoingRecord("big-" + (i % 2), data));
    }

    assertThat(test.stream.publisher().publish(sent)).hasSize(12).doesNotContainNull();

    // 900 KiB records: five fit in 5 MiB, a sixth would not.
    assertThat(requestSizes()).containsExactly(5, 5, 2);
  }

  @Test
  void oversizeRecordIsRejectedBeforeSending() {
    byte[] tooLarge = new byte[KinesisPublisher.MAX_RECORD_BYTES - 3];
    List<OutgoingRecord> sent = new ArrayList<>(records(5, 2));
    sent.add(new OutgoingRecord("sub-42", tooLarge));

    assertThatThrownBy(() -> test.stream.publisher().publish(sent))
        .isInstanceOfSatisfying(RecordTooLargeException.class, error -> {
          assertThat(error.partitionKey()).isEqualTo("sub-42");
          assertThat(error.sizeBytes()).isEqualTo(KinesisPublisher.MAX_RECORD_BYTES + 3);
          assertThat(error.limitBytes()).isEqualTo(KinesisPublisher.MAX_RECORD_BYTES);
        })
        .hasMessageContaining("sub-42")
        .hasMessageContaining(Integer.toString(KinesisPublisher.MAX_RECORD_BYTES + 3));
    assertThat(test.client.calls("PutRecords")).isZero();
  }

  @Test
  void recordAtLimitIsAccepted() throws Exception {
    String key = "sub-43";
    byte[] data = new byte[KinesisPublisher.MAX_RECORD_BYTES - key.length()];

    List<String> sequenceNumbers =
        test.stream.publisher().publish(List.of(new OutgoingRecord(key, data)));

    assertThat(sequenceNumbers).hasSize(1).doesNotContainNull();
  }

  @Test
  void invalidPartitionKeyIsRejected() {
    OutgoingRecord empty = new OutgoingRecord("", new byte[1]);
    OutgoingRecord tooLong = new OutgoingRecord("k".repeat(257), new byte[1]);

    assertThatThrownBy(() -> test.stream.publisher().publish(List.of(empty)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("partition key");
    assertThatThrownBy(() -> test.stream.publisher().publish(List.of(tooLong)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("partition key");
    assertThat(test.client.calls("PutRecords")).isZero();
  }

  @Test
  void failedEntryIsRetriedInKeyOrder() throws Exception {
    List<OutgoingRecord> sent = List.of(
        record("a", "a0"), record("b", "b0"), record("a", "a1"), record("b", "b1"),
        record("a", "a2"), record("c", "c0"));
    // The first request loses entry 2 (a1), and Kinesis accepts the others, including a2.
    test.client.<PutRecordsRequest, PutRecordsResponse>inject("PutRecords", 1,
        (request, real) -> failEntries(request, real, Set.of(2)));

    List<String> sequenceNumbers = test.stream.publisher().publish(sent);

    List<PutRecordsRequest> requests = test.client.requests(PutRecordsRequest.class);
    assertThat(requests).hasSize(2);
    assertThat(texts(requests.get(1))).containsExactly("a1", "a2");
    assertThat(number(sequenceNumbers.get(2))).isGreaterThan(number(sequenceNumbers.get(0)));
    assertThat(number(sequenceNumbers.get(4))).isGreaterThan(number(sequenceNumbers.get(2)));
    assertThat(number(sequenceNumbers.get(3))).isGreaterThan(number(sequenceNumbers.get(1)));
    Map<String, List<String>> read = textsByKey(readAll());
    // a2 was accepted before the retry, so it is in the shard twice. The last copy is in order.
    assertThat(read.get("a")).containsExactly("a0", "a2", "a1", "a2");
    assertThat(read.get("b")).containsExactly("b0", "b1");
    assertThat(read.get("c")).containsExactly("c0");
    assertThat(test.retries(Kind.THROTTLED)).isEqualTo(1);
  }

  @Test
  void throttledRequestIsRetried() throws Exception {
    List<OutgoingRecord> sent = records(10, 2);
    test.client.fail("PutRecords", 1, throttled());
    test.client.fail("PutRecords", 2, networkError());

    List<String> sequenceNumbers = test.stream.publisher().publish(sent);

    assertThat(sequenceNumbers).hasSize(10).doesNotContainNull();
    assertThat(test.client.calls("PutRecords")).isEqualTo(3);
    assertThat(readAll()).hasSize(10);
    assertThat(test.retries(Kind.THROTTLED)).isEqualTo(1);
    assertThat(test.retries(Kind.NETWORK)).isEqualTo(1);
  }

  @Test
  void invalidRequestIsRaised() {
    test.client.fail("PutRecords", 1,
        ValidationException.builder().message("invalid").statusCode(400).build());

    assertThatThrownBy(() -> test.stream.publisher().publish(records(3, 1)))
        .isInstanceOf(ValidationException.class);
    assertThat(test.client.calls("PutRecords")).isEqualTo(1);
    assertThat(test.sleeper.sleeps()).isEmpty();
  }

  @Test
  void interruptStopsRetries() {
    for (int call = 1; call <= 10; call++) {
      test.client.fail("PutRecords", call, throttled());
    }
    test.sleeper.onSleep(count -> {
      throw new InterruptedException("stop requested");
    });

    assertThatThrownBy(() -> test.stream.publisher().publish(records(3, 1)))
        .isInstanceOf(InterruptedException.class);
    assertThat(test.client.calls("PutRecords")).isEqualTo(1);
  }

  @Test
  void emptyListPutsNothing() throws Exception {
    assertThat(test.stream.publisher().publish(List.of())).isEmpty();
    assertThat(test.client.calls("PutRecords")).isZero();
  }

  private static OutgoingRecord record(String key, String text) {
    return new OutgoingRecord(key, text.getBytes(StandardCharsets.UTF_8));
  }

  private static List<String> texts(PutRecordsRequest request) {
    return request.records().stream()
        .map(entry -> entry.data().asUtf8String())
        .toList();
  }

  /**
   * Sends the request without the entries at {@code failed} and returns a response in which
   * those entries failed with throttling, as PutRecords reports a partial failure.
   */
  private static PutRecordsResponse failEntries(PutRecordsRequest request,
      java.util.function.Function<PutRecordsRequest, PutRecordsResponse> real,
      Set<Integer> failed) {
    List<PutRecordsRequestEntry> forwarded = new ArrayList<>();
    for (int i = 0; i < request.records().size(); i++) {
      if (!failed.contains(i)) {
        forwarded.add(request.records().get(i));
      }
    }
    PutRecordsResponse accepted = real.apply(request.toBuilder().records(forwarded).build());
    PutRecordsResultEntry[] results = new PutRecordsResultEntry[request.records().size()];
    int next = 0;
    for (int i = 0; i < results.length; i++) {
      results[i] = failed.contains(i)
          ? PutRecordsResultEntry.builder()
              .errorCode("ProvisionedThroughputExceededException")
              .errorMessage("Rate exceeded for shard (injected)")
              .build()
          : accepted.records().get(next++);
    }
    return accepted.toBuilder()
        .failedRecordCount(failed.size())
        .records(Arrays.asList(results))
        .build();
  }
}
