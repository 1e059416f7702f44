package org.arxiv.submission.agent.stream;

/** Reads one shard forward from a start position. Not thread-safe: one reader per shard. */
public interface ShardReader extends AutoCloseable {

  /**
   * Reads the next records, at most {@code limit}. Transient errors (throttling, network) are
   * retried inside with capped backoff, so the call returns only records or an end of shard;
   * it throws only when the reader is closed or the thread is interrupted.
   */
  ShardBatch read(int limit) throws InterruptedException;

  @Override
  default void close() {}
}
