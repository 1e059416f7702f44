package org.arxiv.submission.agent.stream;

import java.util.List;

/**
 * The result of one read from a shard.
 *
 * @param records the records in sequence order, possibly none
 * @param shardEnded true when the shard is closed and every record has been read
 * @param millisBehindLatest how far the read is behind the tip of the shard, or null when the
 *     stream does not say
 * @param recordsBehind how many records the shard contains after this read, or null when the
 *     stream does not report it (Kinesis reports only time, so the count is known only at
 *     the tip)
 */
public record ShardBatch(
    List<RawRecord> records, boolean shardEnded, Long millisBehindLatest, Long recordsBehind) {

  public ShardBatch {
    records = List.copyOf(records);
  }
}
