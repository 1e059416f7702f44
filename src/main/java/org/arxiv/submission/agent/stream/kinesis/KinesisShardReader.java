package org.arxiv.submission.agent.stream.kinesis;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.arxiv.submission.agent.stream.RawRecord;
import org.arxiv.submission.agent.stream.ShardBatch;
import org.arxiv.submission.agent.stream.ShardReader;
import org.arxiv.submission.agent.stream.StaleCheckpointException;
import org.arxiv.submission.agent.stream.StartPosition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.services.kinesis.model.ExpiredIteratorException;
import software.amazon.awssdk.services.kinesis.model.GetRecordsRequest;
import software.amazon.awssdk.services.kinesis.model.GetRecordsResponse;
import software.amazon.awssdk.services.kinesis.model.GetShardIteratorRequest;
import software.amazon.awssdk.services.kinesis.model.Record;
import software.amazon.awssdk.services.kinesis.model.InvalidArgumentException;
import software.amazon.awssdk.services.kinesis.model.ShardIteratorType;

/**
 * Reads one Kinesis shard with GetShardIterator and GetRecords.
 *
 * <p>Pacing: calls to GetRecords are at least {@link #MIN_CALL_INTERVAL} apart. After a read
 * that returned nothing at the tip of the shard, the next call also waits for the idle sleep,
 * so a busy shard is read as fast as Kinesis allows and an idle one is polled gently. The
 * wait happens at the start of the next {@link #read}, never before returning records.
 *
 * <p>Failures: throttling, network errors, 5xx responses and rejected keys are retried with
 * {@link Backoff} until they succeed, the reader is closed or the thread is interrupted. An
 * expired iterator is renewed after the last record returned, so no record is skipped or
 * returned twice.
 * Other errors, such as a deleted stream, reach the caller as the SDK's exception.
 *
 * <p>Not thread-safe, except {@link #close}, which may be called from any thread.
 */
public final class KinesisShardReader implements ShardReader {

  /** Kinesis serves at most five GetRecords calls per second per shard. */
  public static final Duration MIN_CALL_INTERVAL = Duration.ofMillis(200);

  private static final Logger log = LoggerFactory.getLogger(KinesisShardReader.class);

  private final StreamContext context;
  private final String shardId;
  private final StartPosition start;
  private final Duration idleSleep;
  private final RetryLog retryLog;

  private String iterator;
  private String operation = "GetShardIterator";
  private String lastSequenceNumber;
  private Instant startedAt;
  private Instant nextCallAt;
  private boolean shardEnded;
  private volatile boolean closed;

  KinesisShardReader(StreamContext context, String shardId, StartPosition start,
      Duration idleSleep) {
    this.context = context;
    this.shardId = shardId;
    this.start = start;
    this.idleSleep = idleSleep.compareTo(MIN_CALL_INTERVAL) > 0 ? idleSleep : MIN_CALL_INTERVAL;
    this.retryLog = new RetryLog(log, context.meters(), context.clock(), context.streamName(),
        shardId);
  }

  /**
   * Reads up to {@code limit} records (1 to 10000).
   *
   * @throws IllegalStateException when the reader is closed
   * @throws InterruptedException when the thread is interrupted while waiting or calling
   */
  @Override
  public ShardBatch read(int limit) throws InterruptedException {
    if (limit < 1 || limit > KinesisSettings.MAX_BATCH_SIZE) {
      throw new IllegalArgumentException(
          "limit must be from 1 to " + KinesisSettings.MAX_BATCH_SIZE + ", got " + limit);
    }
    int retry = 0;
    while (true) {
      checkOpen();
      if (shardEnded) {
        return new ShardBatch(List.of(), true, null, 0L);
      }
      try {
        ShardBatch batch = readOnce(limit);
        retryLog.recovered(operation, retry);
        return batch;
      } catch (ExpiredIteratorException e) {
        iterator = null;
        retryLog.iteratorExpired(resumePosition());
      } catch (InvalidArgumentException e) {
        if (iterator == null && lastSequenceNumber == null
            && start instanceof StartPosition.AfterSequenceNumber after) {
          throw new StaleCheckpointException("stream " + context.streamName() + " shard "
              + shardId + " rejects checkpoint " + after.sequenceNumber() + ": "
              + e.getMessage(), e);
        }
        backOff(e, retry++);
      } catch (RuntimeException e) {
        backOff(e, retry++);
      }
    }
  }

  /** Returns the sequence number of the last record returned, or null before the first. */
  public String lastSequenceNumber() {
    return lastSequenceNumber;
  }

  /** Stops the reader. A {@link #read} in progress ends after its current call or wait. */
  @Override
  public void close() {
    closed = true;
  }

  private ShardBatch readOnce(int limit) throws InterruptedException {
    if (iterator == null) {
      operation = "GetShardIterator";
      iterator = shardIterator(resumePosition());
    }
    waitForCallSlot();
    operation = "GetRecords";
    Instant calledAt = context.clock().instant();
    nextCallAt = calledAt.plus(MIN_CALL_INTERVAL);
    GetRecordsResponse response = context.client().getRecords(
        GetRecordsRequest.builder().shardIterator(iterator).limit(limit).build());

    List<RawRecord> records = toRawRecords(response.records());
    if (!records.isEmpty()) {
      lastSequenceNumber = records.get(records.size() - 1).sequenceNumber();
    }
    // Kinesis returns no next iterator once a closed shard has been read to its end.
    iterator = response.nextShardIterator();
    shardEnded = iterator == null;
    Long behind = response.millisBehindLatest();
    if (records.isEmpty() && !shardEnded && (behind == null || behind == 0)) {
      nextCallAt = calledAt.plus(idleSleep);
    }
    if (shardEnded) {
      log.info("stream {} shard {}: shard ended after sequence number {}",
          context.streamName(), shardId, lastSequenceNumber);
    }
    // Kinesis gives no record count; a read that reached the tip leaves none behind.
    Long recordsBehind = shardEnded || (behind != null && behind == 0) ? Long.valueOf(0) : null;
    return new ShardBatch(records, shardEnded, behind, recordsBehind);
  }

  /**
   * Returns where a new iterator starts: after the last record returned, else at the original
   * start. A LATEST start becomes the time the reader first asked for an iterator, because a
   * new LATEST iterator would skip the records put while the old one was unused.
   */
  private StartPosition resumePosition() {
    if (lastSequenceNumber != null) {
      return new StartPosition.AfterSequenceNumber(lastSequenceNumber);
    }
    // NOTE: the time comes from the local clock. If it runs ahead of the Kinesis clock, records
    // put within that difference after the start are skipped.
    if (start instanceof StartPosition.Latest && startedAt != null) {
      return new StartPosition.AtTimestamp(startedAt);
    }
    return start;
  }

  private String shardIterator(StartPosition position) {
    if (startedAt == null) {
      startedAt = context.clock().instant();
    }
    GetShardIteratorRequest.Builder request = GetShardIteratorRequest.builder()
        .streamName(context.streamName())
        .shardId(shardId);
    if (position instanceof StartPosition.AfterSequenceNumber after) {
      request.shardIteratorType(ShardIteratorType.AFTER_SEQUENCE_NUMBER)
          .startingSequenceNumber(after.sequenceNumber());
    } else if (position instanceof StartPosition.AtTimestamp at) {
      request.shardIteratorType(ShardIteratorType.AT_TIMESTAMP).timestamp(at.timestamp());
    } else if (position instanceof StartPosition.Latest) {
      request.shardIteratorType(ShardIteratorType.LATEST);
    } else {
      request.shardIteratorType(ShardIteratorType.TRIM_HORIZON);
    }
    String shardIterator = context.client().getShardIterator(request.build()).shardIterator();
    log.debug("stream {} shard {}: new shard iterator at {}", context.streamName(), shardId,
        position);
    return shardIterator;
  }

  private List<RawRecord> toRawRecords(List<Record> records) {
    List<RawRecord> raw = new ArrayList<>(records.size());
    for (Record record : records) {
      raw.add(new RawRecord(shardId, record.sequenceNumber(), record.partitionKey(),
          record.data().asByteArray(), record.approximateArrivalTimestamp()));
    }
    return raw;
  }

  private void waitForCallSlot() throws InterruptedException {
    if (nextCallAt == null) {
      return;
    }
    Duration wait = Duration.between(context.clock().instant(), nextCallAt);
    if (!wait.isNegative() && !wait.isZero()) {
      context.sleeper().sleep(wait);
      checkOpen();
    }
  }

  private void backOff(RuntimeException error, int retry) throws InterruptedException {
    KinesisErrors.Kind kind = KinesisErrors.classify(error);
    if (kind == KinesisErrors.Kind.INTERRUPTED) {
      // The exception reports the interrupt, so the flag is cleared as a sleep would clear it.
      Thread.interrupted();
      InterruptedException interrupted = new InterruptedException(
          "interrupted during " + operation + " on shard " + shardId);
      interrupted.initCause(error);
      throw interrupted;
    }
    if (!KinesisErrors.isTransient(kind)) {
      throw error;
    }
    Duration delay = context.backoff().delay(retry);
    retryLog.retrying(operation, kind, retry, delay, error.toString());
    context.sleeper().sleep(delay);
  }

  private void checkOpen() {
    if (closed) {
      throw new IllegalStateException(
          "reader of stream " + context.streamName() + " shard " + shardId + " is closed");
    }
  }
}
