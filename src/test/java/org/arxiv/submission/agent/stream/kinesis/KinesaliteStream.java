package org.arxiv.submission.agent.stream.kinesis;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.math.BigInteger;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.arxiv.submission.agent.stream.RawRecord;
import org.arxiv.submission.agent.stream.ShardBatch;
import org.arxiv.submission.agent.stream.ShardReader;
import org.arxiv.submission.agent.stream.StreamPublisher.OutgoingRecord;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.kinesis.KinesisClient;
import software.amazon.awssdk.services.kinesis.model.PutRecordResponse;
import software.amazon.awssdk.services.kinesis.model.ResourceNotFoundException;
import software.amazon.awssdk.services.kinesis.model.StreamStatus;

/**
 * A uniquely named stream on the kinesalite at {@code KINESIS_TEST_ENDPOINT} (system property
 * or environment variable, default {@code http://127.0.0.1:4567}), with a fault-injecting
 * client, a manual clock and a recording sleeper. {@link #close()} deletes the stream. Start
 * kinesalite with {@code scripts/kinesalite.sh start}.
 */
final class KinesaliteStream implements AutoCloseable {

  static final String DEFAULT_ENDPOINT = "http://127.0.0.1:4567";
  private static final Duration AWAIT_TIMEOUT = Duration.ofSeconds(10);

  final KinesisSettings settings;
  final KinesisClient realClient;
  final FaultInjectingKinesisClient client;
  final ManualClock clock = new ManualClock(Instant.now());
  final RecordingSleeper sleeper = new RecordingSleeper(clock);
  final SimpleMeterRegistry meters = new SimpleMeterRegistry();
  final KinesisEventStream stream;

  private KinesaliteStream(Map<String, String> variables) {
    settings = KinesisSettings.fromLookup(variables::get, Clock.systemUTC());
    realClient = KinesisClientFactory.create(settings, variables::get);
    client = new FaultInjectingKinesisClient(realClient);
    stream = new KinesisEventStream(settings, client, clock, sleeper, meters);
  }

  /** Returns the settings of a new, not yet created stream with {@code shards} shards. */
  static Map<String, String> variables(int shards) {
    Map<String, String> variables = new HashMap<>();
    variables.put("KINESIS_STREAM", "test-" + UUID.randomUUID());
    variables.put("KINESIS_ENDPOINT", endpoint().toString());
    variables.put("AWS_ACCESS_KEY_ID", "test-key");
    variables.put("AWS_SECRET_ACCESS_KEY", "test-secret");
    variables.put("KINESIS_CREATE_STREAM", "true");
    variables.put("KINESIS_CREATE_SHARDS", Integer.toString(shards));
    variables.put("KINESIS_STREAM_WAIT_MS", Long.toString(AWAIT_TIMEOUT.toMillis()));
    return variables;
  }

  /** Creates a stream with {@code shards} shards and waits until it is ACTIVE. */
  static KinesaliteStream create(int shards) {
    return create(variables(shards));
  }

  static KinesaliteStream create(Map<String, String> variables) {
    KinesaliteStream test = unopened(variables);
    test.stream.awaitActive();
    return test;
  }

  /** Returns the helper without creating the stream. */
  static KinesaliteStream unopened(Map<String, String> variables) {
    requireKinesalite();
    return new KinesaliteStream(variables);
  }

  static URI endpoint() {
    String value = System.getProperty("KINESIS_TEST_ENDPOINT");
    if (value == null || value.isBlank()) {
      value = System.getenv("KINESIS_TEST_ENDPOINT");
    }
    return URI.create(value == null || value.isBlank() ? DEFAULT_ENDPOINT : value);
  }

  private static void requireKinesalite() {
    URI endpoint = endpoint();
    try (Socket socket = new Socket()) {
      socket.connect(new InetSocketAddress(endpoint.getHost(), endpoint.getPort()), 1000);
    } catch (java.io.IOException e) {
      throw new IllegalStateException("kinesalite is not reachable at " + endpoint
          + ". Start it with scripts/kinesalite.sh start, or set KINESIS_TEST_ENDPOINT", e);
    }
  }

  String name() {
    return settings.streamName();
  }

  /** Puts one record with PutRecord, bypassing the publisher, and returns its sequence number. */
  String put(String partitionKey, String data) {
    PutRecordResponse response = realClient.putRecord(request -> request
        .streamName(name())
        .partitionKey(partitionKey)
        .data(SdkBytes.fromString(data, StandardCharsets.UTF_8)));
    return response.sequenceNumber();
  }

  /** Returns records whose data is "key:index", for keys k0..k(keys-1) in turn. */
  static List<OutgoingRecord> records(int count, int keys) {
    List<OutgoingRecord> records = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      String key = "k" + (i % keys);
      records.add(new OutgoingRecord(key, (key + ":" + i).getBytes(StandardCharsets.UTF_8)));
    }
    return records;
  }

  /**
   * Reads until the shard ends or {@code idleReads} reads in a row return nothing, and returns
   * the records.
   */
  static List<RawRecord> drain(ShardReader reader, int limit, int idleReads)
      throws InterruptedException {
    List<RawRecord> records = new ArrayList<>();
    int idle = 0;
    while (idle < idleReads) {
      ShardBatch batch = reader.read(limit);
      records.addAll(batch.records());
      if (batch.shardEnded()) {
        break;
      }
      idle = batch.records().isEmpty() ? idle + 1 : 0;
    }
    return records;
  }

  static String text(RawRecord record) {
    return new String(record.data(), StandardCharsets.UTF_8);
  }

  static List<String> sequenceNumbers(List<RawRecord> records) {
    return records.stream().map(RawRecord::sequenceNumber).toList();
  }

  static BigInteger number(String sequenceNumber) {
    return new BigInteger(sequenceNumber);
  }

  /** Returns the count of retries of {@code kind} recorded by the readers and the publisher. */
  double retries(KinesisErrors.Kind kind) {
    return meters.find("kinesis.retries").tag("kind", kind.name()).counters().stream()
        .mapToDouble(Counter::count)
        .sum();
  }

  /**
   * Returns a time later than the arrival of every record put so far and not later than the
   * arrival of any record put next. kinesalite stamps arrivals in whole milliseconds, so the
   * time is one too, taken after the millisecond of the last put has passed.
   */
  static Instant nextMillisecond() throws InterruptedException {
    Instant lastPut = Instant.now();
    Instant deadline = lastPut.plus(AWAIT_TIMEOUT);
    while (!Instant.now().isAfter(lastPut.plusMillis(1))) {
      if (Instant.now().isAfter(deadline)) {
        throw new AssertionError("clock did not advance");
      }
      Thread.sleep(1);
    }
    return Instant.now().truncatedTo(ChronoUnit.MILLIS);
  }

  /** Waits until a reshard has finished and the stream is ACTIVE again. */
  void awaitActive() throws InterruptedException {
    Instant deadline = Instant.now().plus(AWAIT_TIMEOUT);
    while (status() != StreamStatus.ACTIVE) {
      if (Instant.now().isAfter(deadline)) {
        throw new AssertionError("stream " + name() + " not ACTIVE within " + AWAIT_TIMEOUT);
      }
      Thread.sleep(20);
    }
  }

  private StreamStatus status() {
    return realClient.describeStreamSummary(request -> request.streamName(name()))
        .streamDescriptionSummary()
        .streamStatus();
  }

  @Override
  public void close() {
    try {
      realClient.deleteStream(request -> request.streamName(name()));
    } catch (ResourceNotFoundException e) {
      // The test never created it.
    } finally {
      realClient.close();
    }
  }
}
