package org.arxiv.submission.agent.stream;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;
import org.arxiv.submission.agent.runner.Dispatcher;
import org.arxiv.submission.agent.runner.JobQueue;
import org.arxiv.submission.agent.store.CheckpointStore;
import org.arxiv.submission.agent.store.Database;
import org.arxiv.submission.agent.store.LeaseStore;
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

  private final EventStream stream;
  private final String shardId;
  private final StartPosition start;
  private final Database database;
  private final Dispatcher dispatcher;
  private final CheckpointStore checkpoints;
  private final LeaseStore leases;
  private final JobQueue queue;
  private final ConsumerSettings settings;
  private final ConsumerMetrics metrics;
  private final AtomicBoolean stopping;
  private final AtomicBoolean leaseLost = new AtomicBoolean();
  private volatile boolean caughtUp;
  private volatile boolean finished;

  ShardConsumer(EventStream stream, String shardId, StartPosition start, Database database,
      Dispatcher dispatcher, CheckpointStore checkpoints, LeaseStore leases, JobQueue queue,
      ConsumerSettings settings, ConsumerMetrics metrics, AtomicBoolean stopping) {
    this.stream = stream;
    this.shardId = shardId;
    this.start = start;
    this.database = database;
    this.dispatcher = dispatcher;
    this.checkpoints = checkpoints;
    this.leases = leases;
    this.queue = queue;
    this.settings = settings;
    this.metrics = metrics;
    this.stopping = stopping;
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
    return stopping.get() || leaseLost.get() || Thread.currentThread().isInterrupted();
  }

  @Override
  public void run() {
    MDC.put("stream", stream.name());
    MDC.put("shardId", shardId);
    log.info("Reading shard {} of stream {} from {}", shardId, stream.name(), start);
    try {
      consumeFrom(start);
    } catch (StaleCheckpointException e) {
      // Records older than the checkpoint are gone; the oldest kept one is the best restart.
      log.error("{}; the records after it have expired, so reading shard {} from its oldest "
          + "record instead", e.getMessage(), shardId);
      metrics.staleCheckpoint(shardId);
      restartFromOldest();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (RuntimeException e) {
      log.error("Reading shard {} failed: {}; the lease is released and the shard will be "
          + "read again from its checkpoint", shardId, e.toString(), e);
    } finally {
      log.info("Stopped reading shard {} of stream {}", shardId, stream.name());
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
    try (ShardReader reader = stream.openReader(shardId, position)) {
      consume(reader);
    }
  }

  private void consume(ShardReader reader) throws InterruptedException {
    String lastSequence = null;
    while (!shouldStop()) {
      ShardBatch batch = reader.read(settings.batchSize());
      metrics.recordBatch(shardId, batch);
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
        sleep(settings.idleSleep());
      }
    }
  }

  // Returns false when the consumer must stop before this record is handled.
  private boolean handle(RawRecord record) throws InterruptedException {
    int failures = 0;
    Duration backoff = Duration.ofSeconds(1);
    while (true) {
      try {
        Dispatcher.Result result = database.inTransaction(c -> {
          if (!leases.holds(c, stream.name(), shardId, settings.owner())) {
            return null;
          }
          return dispatcher.handle(c, stream.name(), record);
        });
        if (result == null) {
          log.warn("Lease of shard {} lost before record {}; stopping", shardId,
              record.sequenceNumber());
          leaseLost.set(true);
          return false;
        }
        metrics.recordHandled(shardId, result.outcome());
        queue.enqueue(result.newRuns());
        return true;
      } catch (StoreException e) {
        if (e.isTransactionConflict()) {
          log.info("Record {} of shard {} conflicted with another transaction ({}); retrying",
              record.sequenceNumber(), shardId, e.getMessage());
        } else if (!database.isAvailable()) {
          log.error("Agent database unavailable while handling record {} of shard {}: {}; "
              + "retrying in {} s. Status: {}", record.sequenceNumber(), shardId,
              e.getMessage(), backoff.toSeconds(), metrics.describe());
          metrics.databaseUnavailable();
        } else if (++failures >= settings.maxHandleAttempts()) {
          return quarantine(record, e);
        }
      } catch (RuntimeException e) {
        if (++failures >= settings.maxHandleAttempts()) {
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
    String reason = ("handling failed " + settings.maxHandleAttempts() + " times: " + error)
        .replaceAll("\\s*\\R\\s*", " ");
    database.inTransaction(c -> {
      dispatcher.quarantine(c, stream.name(), record, reason);
      return null;
    });
    metrics.recordHandled(shardId, Dispatcher.Outcome.QUARANTINED);
    log.error("Quarantined record {} of shard {}: {}; the shard moves on. Status: {}",
        record.sequenceNumber(), shardId, reason, metrics.describe(), error);
    return true;
  }

  private void markFinished(String lastSequence) {
    database.inTransaction(c -> {
      checkpoints.markFinished(c, stream.name(), shardId, lastSequence);
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
