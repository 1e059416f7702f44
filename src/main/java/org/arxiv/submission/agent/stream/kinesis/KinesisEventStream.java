package org.arxiv.submission.agent.stream.kinesis;

import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import org.arxiv.submission.agent.stream.EventStream;
import org.arxiv.submission.agent.stream.ShardInfo;
import org.arxiv.submission.agent.stream.ShardReader;
import org.arxiv.submission.agent.stream.StartPosition;
import org.arxiv.submission.agent.stream.StreamPublisher;
import org.arxiv.submission.agent.stream.StreamUnavailableException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.services.kinesis.KinesisClient;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.kinesis.model.ListShardsRequest;
import software.amazon.awssdk.services.kinesis.model.ListShardsResponse;
import software.amazon.awssdk.services.kinesis.model.Shard;

/**
 * The submission event stream on Kinesis. The stream owns its client and closes it in
 * {@link #close()}.
 */
public final class KinesisEventStream implements EventStream {

  private static final Logger log = LoggerFactory.getLogger(KinesisEventStream.class);

  private final StreamContext context;
  private final KinesisSettings settings;
  private final StreamSetup setup;
  private final KinesisPublisher publisher;

  /**
   * Creates the stream on an existing client. It makes no call yet: call {@link
   * #awaitActive()} before reading.
   */
  public KinesisEventStream(KinesisSettings settings, KinesisClient client, Clock clock,
      Sleeper sleeper, MeterRegistry meters) {
    this.settings = settings;
    this.context = new StreamContext(client, settings.streamName(), clock, sleeper,
        settings.backoff(), meters);
    this.setup = new StreamSetup(client, settings);
    this.publisher = new KinesisPublisher(context);
  }

  /**
   * Builds the client from the settings and returns the stream without calling Kinesis: call
   * {@link #awaitActive()} before reading or writing.
   *
   * @param lookup the source of rotated static keys, usually {@code System::getenv}
   */
  public static KinesisEventStream create(KinesisSettings settings,
      Function<String, String> lookup, MeterRegistry meters) {
    return new KinesisEventStream(settings, KinesisClientFactory.create(settings, lookup),
        Clock.systemUTC(), Sleeper.SYSTEM, meters);
  }

  /**
   * Returns once the stream accepts reads and writes. A missing stream is created when the
   * settings allow it, else this throws {@link IllegalStateException}. A stream in CREATING
   * state is polled every 100 ms, for at most {@code KINESIS_STREAM_WAIT_MS}.
   */
  public void awaitActive() {
    setup.awaitActive();
  }

  @Override
  public String name() {
    return settings.streamName();
  }

  /** Returns every shard of the stream, following ListShards pages, ordered by shard id. */
  @Override
  public List<ShardInfo> listShards() {
    return listShards(null);
  }

  /** Returns every shard, asking for at most {@code pageSize} per page (null: Kinesis's). */
  List<ShardInfo> listShards(Integer pageSize) {
    List<ShardInfo> shards = new ArrayList<>();
    ListShardsRequest request = ListShardsRequest.builder()
        .streamName(settings.streamName())
        .maxResults(pageSize)
        .build();
    while (true) {
      ListShardsResponse response;
      try {
        response = context.client().listShards(request);
      } catch (SdkException e) {
        throw new StreamUnavailableException("ListShards of stream " + settings.streamName()
            + " failed: " + e.getMessage(), e);
      }
      for (Shard shard : response.shards()) {
        shards.add(toShardInfo(shard));
      }
      if (response.nextToken() == null) {
        break;
      }
      // Kinesis rejects a request that names both the stream and a page token.
      request = ListShardsRequest.builder()
          .nextToken(response.nextToken())
          .maxResults(pageSize)
          .build();
    }
    shards.sort(Comparator.comparing(ShardInfo::shardId));
    log.debug("stream {}: {} shards", settings.streamName(), shards.size());
    return shards;
  }

  @Override
  public KinesisShardReader openReader(String shardId, StartPosition start) {
    return new KinesisShardReader(context, shardId, start, settings.idleSleep());
  }

  @Override
  public StreamPublisher publisher() {
    return publisher;
  }

  @Override
  public void close() {
    context.client().close();
  }

  /**
   * Returns the shards that may be read now, ordered by shard id: those not in {@code
   * finishedShardIds} whose parent and adjacent parent are finished. A parent that is not in
   * {@code all} counts as finished, because Kinesis stops listing a closed shard once its
   * records are past the retention period. Reading children only after their parents keeps the
   * order of records of one partition key across a split or merge.
   */
  public static List<ShardInfo> eligibleShards(
      Collection<ShardInfo> all, Collection<String> finishedShardIds) {
    Set<String> listed = new HashSet<>();
    for (ShardInfo shard : all) {
      listed.add(shard.shardId());
    }
    Set<String> finished = new HashSet<>(finishedShardIds);
    List<ShardInfo> eligible = new ArrayList<>();
    for (ShardInfo shard : all) {
      if (!finished.contains(shard.shardId())
          && isDone(shard.parentShardId(), listed, finished)
          && isDone(shard.adjacentParentShardId(), listed, finished)) {
        eligible.add(shard);
      }
    }
    eligible.sort(Comparator.comparing(ShardInfo::shardId));
    return eligible;
  }

  private static boolean isDone(String parentId, Set<String> listed, Set<String> finished) {
    return parentId == null || !listed.contains(parentId) || finished.contains(parentId);
  }

  private static ShardInfo toShardInfo(Shard shard) {
    boolean closed = shard.sequenceNumberRange() != null
        && shard.sequenceNumberRange().endingSequenceNumber() != null;
    return new ShardInfo(shard.shardId(), shard.parentShardId(), shard.adjacentParentShardId(),
        closed);
  }
}
