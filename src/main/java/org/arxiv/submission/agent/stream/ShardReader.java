package org.arxiv.submission.agent.stream;

/** Reads one shard forward from a start position. Not thread-safe: one reader per shard. */
public interface ShardReader extends AutoCloseable {

  /**
   * Reads the next records, at most {@code limit}. Transient errors (throttling, network) are
   * retried inside with capped backoff, so the call returns only records or an end of shard.
   * It throws {@link InterruptedException} when the thread is interrupted, {@link
   * IllegalStateException} when the reader is closed, and the stream's own exception for an
   * error that no retry can cure, such as a deleted stream or an invalid request.
   */
  ShardBatch read(int limit) throws InterruptedException;

  /** Stops the reader. Unlike {@link #read}, it may be called from another thread. */
  @Override
  default void close() {}
}
