package org.arxiv.submission.agent.integration;

import java.math.BigInteger;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.arxiv.submission.agent.stream.RawRecord;
import org.arxiv.submission.agent.stream.kinesis.KinesisClientFactory;
import org.arxiv.submission.agent.stream.kinesis.KinesisSettings;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.kinesis.KinesisClient;
import software.amazon.awssdk.services.kinesis.model.GetRecordsResponse;
import software.amazon.awssdk.services.kinesis.model.PutRecordResponse;
import software.amazon.awssdk.services.kinesis.model.Record;
import software.amazon.awssdk.services.kinesis.model.ResourceNotFoundException;
import software.amazon.awssdk.services.kinesis.model.Shard;
import software.amazon.awssdk.services.kinesis.model.ShardIteratorType;
import software.amazon.awssdk.services.kinesis.model.StreamStatus;

/**
 * A uniquely named stream on the kinesalite at {@code KINESIS_TEST_ENDPOINT} (system property
 * or environment variable, default {@code http://127.0.0.1:4567}), created with a given shard
 * count and deleted by {@link #close()}. Start kinesalite with {@code scripts/kinesalite.sh
 * start}.
 *
 * <p>The test's own client reads the stream back without the agent's reader, so that what the
 * assertions expect does not depend on the code under test.
 */
final class TestStream implements AutoCloseable {

  /** The first shard ids kinesalite hands out: a new stream's shards, then reshard children. */
  static final String SHARD_0 = "shardId-000000000000";
  static final String SHARD_1 = "shardId-000000000001";
  static final String SHARD_2 = "shardId-000000000002";

  private static final String DEFAULT_ENDPOINT = "http://127.0.0.1:4567";
  private static final Duration ACTIVE_TIMEOUT = Duration.ofSeconds(20);

  /** A record put by the test: where it went. */
  record Put(String shardId, String sequenceNumber) {}

  private final String name;
  private final KinesisClient client;

  private TestStream(String name, KinesisClient client) {
    this.name = name;
    this.client = client;
  }

  /** Creates the stream with {@code shards} shards and waits until it is ACTIVE. */
  static TestStream create(int shards) throws InterruptedException {
    requireKinesalite();
    String name = "itest-" + UUID.randomUUID();
    Map<String, String> variables = clientSettings(name);
    KinesisClient client = KinesisClientFactory.create(
        KinesisSettings.fromLookup(variables::get, Clock.systemUTC()), variables::get);
    TestStream stream = new TestStream(name, client);
    client.createStream(request -> request.streamName(name).shardCount(shards));
    stream.awaitActive();
    return stream;
  }

  static URI endpoint() {
    String value = System.getProperty("KINESIS_TEST_ENDPOINT");
    if (value == null || value.isBlank()) {
      value = System.getenv("KINESIS_TEST_ENDPOINT");
    }
    return URI.create(value == null || value.isBlank() ? DEFAULT_ENDPOINT : value);
  }

  private static Map<String, String> clientSettings(String name) {
    Map<String, String> variables = new LinkedHashMap<>();
    variables.put("KINESIS_STREAM", name);
    variables.put("KINESIS_ENDPOINT", endpoint().toString());
    variables.put("AWS_ACCESS_KEY_ID", "test-key");
    variables.put("AWS_SECRET_ACCESS_KEY", "test-secret");
    return variables;
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
    return name;
  }

  /**
   * Returns the agent settings that point at this stream. The agent must not create it, and
   * it polls an idle shard every 200 ms (the reader's minimum) so that tests finish quickly.
   */
  Map<String, String> agentSettings() {
    Map<String, String> variables = clientSettings(name);
    variables.put("KINESIS_CREATE_STREAM", "false");
    variables.put("KINESIS_IDLE_SLEEP_MS", "100");
    return variables;
  }

  /** Puts one record with PutRecord and returns where it went. */
  Put put(String partitionKey, byte[] data) {
    PutRecordResponse response = client.putRecord(request -> request
        .streamName(name)
        .partitionKey(partitionKey)
        .data(SdkBytes.fromByteArray(data)));
    return new Put(response.shardId(), response.sequenceNumber());
  }

  Put put(String partitionKey, String data) {
    return put(partitionKey, data.getBytes(StandardCharsets.UTF_8));
  }

  /** Splits a shard at the middle of the hash key space, which kinesalite's first shard spans. */
  void split(String shardId) throws InterruptedException {
    client.splitShard(request -> request
        .streamName(name)
        .shardToSplit(shardId)
        .newStartingHashKey(BigInteger.TWO.pow(127).toString()));
    awaitActive();
  }

  void merge(String shardId, String adjacentShardId) throws InterruptedException {
    client.mergeShards(request -> request
        .streamName(name)
        .shardToMerge(shardId)
        .adjacentShardToMerge(adjacentShardId));
    awaitActive();
  }

  List<Shard> shards() {
    return client.listShards(request -> request.streamName(name)).shards();
  }

  /**
   * Reads every shard from its oldest record: a closed shard to its end, an open one until a
   * read at its tip returns nothing. Returns the records by shard id, in sequence order.
   */
  Map<String, List<RawRecord>> readAll() {
    Map<String, List<RawRecord>> byShard = new LinkedHashMap<>();
    for (Shard shard : shards()) {
      byShard.put(shard.shardId(), readShard(shard.shardId()));
    }
    return byShard;
  }

  /** Returns every record of the stream, shard after shard. */
  List<RawRecord> allRecords() {
    return readAll().values().stream().flatMap(List::stream).toList();
  }

  private List<RawRecord> readShard(String shardId) {
    List<RawRecord> records = new ArrayList<>();
    String iterator = client.getShardIterator(request -> request
        .streamName(name)
        .shardId(shardId)
        .shardIteratorType(ShardIteratorType.TRIM_HORIZON)).shardIterator();
    while (iterator != null) {
      String current = iterator;
      GetRecordsResponse response = client.getRecords(request -> request
          .shardIterator(current)
          .limit(10_000));
      for (Record record : response.records()) {
        records.add(new RawRecord(shardId, record.sequenceNumber(), record.partitionKey(),
            record.data().asByteArray(), record.approximateArrivalTimestamp()));
      }
      Long behind = response.millisBehindLatest();
      if (response.records().isEmpty() && (behind == null || behind == 0)) {
        break;
      }
      iterator = response.nextShardIterator();
    }
    return records;
  }

  private void awaitActive() throws InterruptedException {
    Await.until("stream " + name + " is ACTIVE", ACTIVE_TIMEOUT, () -> client
        .describeStreamSummary(request -> request.streamName(name))
        .streamDescriptionSummary()
        .streamStatus() == StreamStatus.ACTIVE);
  }

  @Override
  public void close() {
    try {
      client.deleteStream(request -> request.streamName(name));
    } catch (ResourceNotFoundException e) {
      // Already gone: nothing to clean up.
    } finally {
      client.close();
    }
  }
}
