package org.arxiv.submission.agent.stream;

import java.time.Duration;

/**
 * How the consumer reads and hands out shards.
 *
 * @param batchSize records per read (GetRecords limit on Kinesis, at most 10,000)
 * @param idleSleep wait after a read that returned nothing
 * @param leaseDuration how long a shard lease lasts without renewal
 * @param maxHandleAttempts attempts at handling a record whose handling fails (other than the
 *     database being unavailable) before it is quarantined
 * @param owner this instance's name in the lease table
 */
public record ConsumerSettings(int batchSize, Duration idleSleep, Duration leaseDuration,
    int maxHandleAttempts, String owner) {

  public ConsumerSettings {
    if (batchSize < 1 || batchSize > 10_000) {
      throw new IllegalArgumentException(
          "AGENT_BATCH_SIZE must be between 1 and 10000, got " + batchSize);
    }
    if (leaseDuration.compareTo(Duration.ofSeconds(3)) < 0) {
      throw new IllegalArgumentException(
          "AGENT_LEASE_SECONDS must be at least 3, got " + leaseDuration.toSeconds());
    }
    if (maxHandleAttempts < 1) {
      throw new IllegalArgumentException(
          "AGENT_MAX_HANDLE_ATTEMPTS must be at least 1, got " + maxHandleAttempts);
    }
  }
}
