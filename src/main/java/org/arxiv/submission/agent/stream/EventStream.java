package org.arxiv.submission.agent.stream;

import java.util.List;

/**
 * A stream of submission events split into shards: Kinesis in production, or a table of the
 * agent database in the embedded default.
 */
public interface EventStream extends AutoCloseable {

  /** Returns the stream's name, as checkpoints and leases store it. */
  String name();

  /** Returns every shard, open and closed, with its parents. */
  List<ShardInfo> listShards();

  /** Opens a reader on a shard from the given position. */
  ShardReader openReader(String shardId, StartPosition start);

  /** Returns the publisher that appends records to this stream. */
  StreamPublisher publisher();

  @Override
  default void close() {}
}
