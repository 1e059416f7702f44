package org.arxiv.submission.agent.stream.kinesis;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.slf4j.Logger;

/**
 * Counts and logs the retries of one shard reader or publisher. Every retry increments the
 * counter {@code kinesis.retries} (tags: stream, shard, operation, kind). Warnings are
 * rate-limited to one per {@link #WARNING_INTERVAL}, and each one states how many were skipped.
 */
final class RetryLog {

  /** The minimum time between two retry warnings of the same reader or publisher. */
  static final Duration WARNING_INTERVAL = Duration.ofSeconds(30);

  private final Logger log;
  private final MeterRegistry meters;
  private final Clock clock;
  private final String stream;
  private final String shard;
  private Instant lastWarning;
  private long skippedWarnings;

  /** Creates the log of a reader; {@code shard} is null for the publisher. */
  RetryLog(Logger log, MeterRegistry meters, Clock clock, String stream, String shard) {
    this.log = log;
    this.meters = meters;
    this.clock = clock;
    this.stream = stream;
    this.shard = shard == null ? "-" : shard;
  }

  /** Records that {@code operation} failed with {@code error} and waits {@code delay}. */
  synchronized void retrying(String operation, KinesisErrors.Kind kind, int retry, Duration delay,
      String error) {
    counter(operation, kind).increment();
    Instant now = clock.instant();
    if (lastWarning != null && now.isBefore(lastWarning.plus(WARNING_INTERVAL))) {
      skippedWarnings++;
      return;
    }
    log.warn("stream {} shard {}: {} failed ({}), retry {} in {} ms ({} warnings skipped): {}",
        stream, shard, operation, kind, retry + 1, delay.toMillis(), skippedWarnings, error);
    lastWarning = now;
    skippedWarnings = 0;
  }

  /** Records that the iterator expired and is renewed from {@code position}. */
  void iteratorExpired(Object position) {
    counter("GetRecords", KinesisErrors.Kind.EXPIRED_ITERATOR).increment();
    log.info("stream {} shard {}: shard iterator expired, renewing it at {}", stream, shard,
        position);
  }

  /** Logs that {@code operation} succeeded after {@code retries} failed attempts, if any. */
  void recovered(String operation, int retries) {
    if (retries > 0) {
      log.info("stream {} shard {}: {} succeeded after {} retries", stream, shard, operation,
          retries);
    }
  }

  private Counter counter(String operation, KinesisErrors.Kind kind) {
    return Counter.builder("kinesis.retries")
        .description("Kinesis calls that failed and were retried")
        .tag("stream", stream)
        .tag("shard", shard)
        .tag("operation", operation)
        .tag("kind", kind.name())
        .register(meters);
  }
}
