package org.arxiv.submission.agent.stream;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;
import org.arxiv.submission.agent.runner.Dispatcher;
import org.arxiv.submission.agent.store.StoreException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/**
 * Reads one leased shard and hands each record to the dispatcher, one transaction per record.
 *
 * <p>It stops between records when asked to, when its lease is lost, or at the end of a closed
 * shard, which it marks finished so that the shard's children can be read. While the database
 * is unavailable it retries the record in hand with capped backoff and reads nothing new.
 */
final class ShardConsumer implements Runnable {

  private static final Logger log = LoggerFactory.getLogger(ShardConsumer.class);
  private static final Duration MAX_BACKOFF = Duration.ofSeconds(30);

  private final ConsumerContext context;
  private final String shardId;
  private final StartPosition start;
  private final AtomicBoolean leaseLost = new AtomicBoolean();
  private volatile boolean caughtUp;
  private volatile boolean finished;

  ShardConsumer(ConsumerContext context, String shardId, StartPosition start) {
    this.context = context;
    this.shardId = shardId;
    this.start = start;
  }

  /** Tells the consumer that its lease is gone; it stops before the next record. */
  void leaseLost() {
    leaseLost.set(true);
  }

  /** Returns whether the last read found no new record. */
  boolean isCaughtUp() {
    return caughtUp;
  }

  /** Returns whether the shard is closed and every record of it has been handled. */
  boolean isFinished() {
    return finished;
  }

  private boolean shouldStop() {
    return context.stopping().get() || leaseLost.get() || Thread.currentThread().isInterrupted();
  }

  @Override
  public void run() {
    MDC.put("stream", context.stream().name());
    MDC.put("shardId", shardId);
    log.info("Reading shard {} of stream {} from {}", shardId, context.stream().name(), start);
    try {
      consumeFrom(start);
    } catch (StaleCheckpointException e) {
      // Records older than the checkpoint are gone; the oldest kept one is the best restart.
      log.error("{}; the records after it have expired, so reading shard {} from its oldest "
          + "record instead", e.getMessage(), shardId);
      context.metrics().staleCheckpoint(shardId);
      restartFromOldest();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (RuntimeException e) {
      log.error("Reading shard {} failed: {}; the lease is released and the shard will be "
          + "read again from its checkpoint", shardId, e.toString(), e);
    } finally {
      log.info("Stopped reading shard {} of stream {}", shardId, context.stream().name());
      MDC.remove("stream");
      MDC.remove("shardId");
    }
  }

  private void restartFromOldest() {
    try {
      consumeFrom(new StartPosition.TrimHorizon());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (RuntimeException e) {
      log.error("Reading shard {} failed: {}; the lease is released and the shard will be "
          + "read again from its checkpoint", shardId, e.toString(), e);
    }
  }

  private void consumeFrom(StartPosition position) throws InterruptedException {
    try (ShardReader reader = context.stream().openReader(shardId, position)) {
      consume(reader);
    }
  }

  private void consume(ShardReader reader) throws InterruptedException {
    String lastSequence = null;
    while (!shouldStop()) {
      ShardBatch batch = reader.read(context.settings().batchSize());
      context.metrics().recordBatch(shardId, batch);
      for (RawRecord record : batch.records()) {
        if (shouldStop()) {
          return;
        }
        if (!handle(record)) {
          return;
        }
        lastSequence = record.sequenceNumber();
      }
      if (batch.shardEnded()) {
        markFinished(lastSequence);
        return;
      }
      caughtUp = batch.records().isEmpty();
      if (caughtUp) {
        sleep(context.settings().idleSleep());
      }
    }
  }

  // Returns false when the consumer must stop before this record is handled.
  private boolean handle(RawRecord record) throws InterruptedException {
    int failures = 0;
    Duration backoff = Duration.ofSeconds(1);
    while (true) {
      try {
        String streamName = context.stream().name();
        Dispatcher.Result result = context.database().inTransaction(c -> {
          if (!context.leases().holds(c, streamName, shardId, context.settings().owner())) {
            return null;
          }
          return context.dispatcher().handle(c, streamName, record);
        });
        if (result == null) {
          log.warn("Lease of shard {} lost before record {}; stopping", shardId,
              record.sequenceNumber());
          leaseLost.set(true);
          return false;
        }
        context.metrics().recordHandled(shardId, result.outcome());
        context.queue().enqueue(result.newRuns());
        return true;
      } catch (StoreException e) {
        if (e.isTransactionConflict()) {
          log.info("Record {} of shard {} conflicted with another transaction ({}); retrying",
              record.sequenceNumber(), shardId, e.getMessage());
        } else if (!context.database().isAvailable()) {
          log.error("Agent database unavailable while handling record {} of shard {}: {}; "
              + "retrying in {} s. Status: {}", record.sequenceNumber(), shardId,
              e.getMessage(), backoff.toSeconds(), context.metrics().describe());
          context.metrics().databaseUnavailable();
        } else if (++failures >= context.settings().maxHandleAttempts()) {
          return quarantine(record, e);
        }
      } catch (RuntimeException e) {
        if (++failures >= context.settings().maxHandleAttempts()) {
          return quarantine(record, e);
        }
        log.warn("Handling record {} of shard {} failed (attempt {}): {}",
            record.sequenceNumber(), shardId, failures, e.toString());
      }
      if (shouldStop()) {
        return false;
      }
      sleep(backoff);
      backoff = backoff.multipliedBy(2).compareTo(MAX_BACKOFF) > 0 ? MAX_BACKOFF
          : backoff.multipliedBy(2);
    }
  }

  private boolean quarantine(RawRecord record, Exception error) {
    // One line, as a driver's message may quote a statement over several.
    String reason = ("handling failed " + context.settings().maxHandleAttempts() + " times: "
        + error).replaceAll("\\s*\\R\\s*", " ");
    context.database().inTransaction(c -> {
      context.dispatcher().quarantine(c, context.stream().name(), record, reason);
      return null;
    });
    context.metrics().recordHandled(shardId, Dispatcher.Outcome.QUARANTINED);
    log.error("Quarantined record {} of shard {}: {}; the shard moves on. Status: {}",
        record.sequenceNumber(), shardId, reason, context.metrics().describe(), error);
    return true;
  }

  private void markFinished(String lastSequence) {
    context.database().inTransaction(c -> {
      context.checkpoints().markFinished(c, context.stream().name(), shardId, lastSequence);
      return null;
    });
    finished = true;
    log.info("Shard {} is closed and fully read; its children can be read now", shardId);
  }

  private void sleep(Duration duration) throws InterruptedException {
    long deadline = System.nanoTime() + duration.toNanos();
    // Sleep in short slices so that a stop request is noticed quickly.
    while (!shouldStop() && System.nanoTime() < deadline) {
      Thread.sleep(Math.min(50, Math.max(1, (deadline - System.nanoTime()) / 1_000_000)));
    }
  }
}
