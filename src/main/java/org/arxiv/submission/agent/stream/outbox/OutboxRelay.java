package org.arxiv.submission.agent.stream.outbox;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import org.arxiv.submission.agent.store.Database;
import org.arxiv.submission.agent.store.LeaseStore;
import org.arxiv.submission.agent.store.OutboxStore;
import org.arxiv.submission.agent.store.OutboxStore.OutboxRecord;
import org.arxiv.submission.agent.store.QuarantineStore;
import org.arxiv.submission.agent.store.StoreException;
import org.arxiv.submission.agent.stream.RecordTooLargeException;
import org.arxiv.submission.agent.stream.StreamPublisher;
import org.arxiv.submission.agent.stream.StreamPublisher.OutgoingRecord;
import org.arxiv.submission.agent.stream.TransactionalWriter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Puts the records that processes emitted on an external stream, from the outbox table, in id
 * order.
 *
 * <p>A transaction can commit after another one that took a higher id, so a batch can miss
 * its records, and a later batch publishes them. Records of one submission still keep their
 * order, because every emitting transaction holds the submission's row lock until it commits.
 * Only the instance holding the relay's lease publishes. A crash after a put and before the
 * delete publishes those records again. Consumers recognise the repeated events by their ids,
 * so no work is repeated.
 */
public final class OutboxRelay implements TransactionalWriter, AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(OutboxRelay.class);

  /** The lease row that elects the one publishing instance. */
  static final String RELAY_LEASE = "outbox-relay";

  private static final int BATCH = 500;
  private static final Duration MAX_FAILURE_SLEEP = Duration.ofSeconds(10);
  private static final Duration FAILURE_LOG_INTERVAL = Duration.ofMinutes(1);

  private final Database database;
  private final OutboxStore outbox;
  private final LeaseStore leases;
  private final QuarantineStore quarantine;
  private final StreamPublisher publisher;
  private final String stream;
  private final String owner;
  private final Duration leaseDuration;
  private final Duration idleSleep;
  private final AtomicBoolean stopping = new AtomicBoolean();
  // Used by the relay thread only.
  private int failures;
  private long lastFailureLog;
  private Thread thread;

  public OutboxRelay(Database database, OutboxStore outbox, LeaseStore leases,
      QuarantineStore quarantine, StreamPublisher publisher, String stream, String owner,
      Duration leaseDuration, Duration idleSleep) {
    this.database = database;
    this.outbox = outbox;
    this.leases = leases;
    this.quarantine = quarantine;
    this.publisher = publisher;
    this.stream = stream;
    this.owner = owner;
    this.leaseDuration = leaseDuration;
    this.idleSleep = idleSleep;
  }

  @Override
  public void write(Connection connection, List<OutgoingRecord> records) throws SQLException {
    for (OutgoingRecord record : records) {
      outbox.add(connection, stream, record.partitionKey(), record.data());
    }
  }

  /** Starts publishing in a background thread. */
  public void start() {
    thread = new Thread(this::relay, "outbox-relay");
    thread.start();
  }

  private void relay() {
    while (!stopping.get()) {
      try {
        boolean leader = database.inTransaction(
            c -> leases.acquire(c, stream, RELAY_LEASE, owner, leaseDuration));
        int published = leader ? publishBatch() : 0;
        recovered();
        if (published == 0) {
          sleep(idleSleep);
        }
      } catch (StoreException e) {
        failed("database error " + e.getMessage(), null);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      } catch (RuntimeException e) {
        failed("publishing failed: " + e, e);
      }
    }
  }

  // Logs the first failure of a run of failures, then one line a minute with the count, and
  // waits longer after each failure, up to MAX_FAILURE_SLEEP.
  private void failed(String reason, Throwable error) {
    failures++;
    Duration wait = idleSleep.multipliedBy(1L << Math.min(failures - 1, 10));
    wait = wait.compareTo(MAX_FAILURE_SLEEP) > 0 ? MAX_FAILURE_SLEEP : wait;
    long now = System.nanoTime();
    if (failures == 1 || now - lastFailureLog > FAILURE_LOG_INTERVAL.toNanos()) {
      lastFailureLog = now;
      log.error("Outbox relay for {}: {} ({} failed tries in a row); retrying in {} ms", stream,
          reason, failures, wait.toMillis(), failures == 1 ? error : null);
    }
    sleep(wait);
  }

  private void recovered() {
    if (failures > 0) {
      log.info("Outbox relay for {}: working again after {} failed tries", stream, failures);
      failures = 0;
    }
  }

  /** Publishes the oldest waiting records and returns how many it published. */
  public int publishBatch() throws InterruptedException {
    List<OutboxRecord> records = database.inTransaction(c -> outbox.oldest(c, stream, BATCH));
    if (records.isEmpty()) {
      return 0;
    }
    List<OutgoingRecord> outgoing = records.stream()
        .map(r -> new OutgoingRecord(r.partitionKey(), r.data())).toList();
    try {
      publisher.publish(outgoing);
    } catch (RecordTooLargeException e) {
      return setAsideOversize(records);
    }
    List<Long> published = records.stream().map(OutboxRecord::id).toList();
    database.inTransaction(c -> {
      outbox.delete(c, published);
      return null;
    });
    log.debug("Published {} emitted records to {}", records.size(), stream);
    return records.size();
  }

  // Publishes the batch one record at a time and quarantines the records the stream rejects
  // for their size, so that one oversize record does not hold back the rest.
  private int setAsideOversize(List<OutboxRecord> records) throws InterruptedException {
    int published = 0;
    for (OutboxRecord record : records) {
      try {
        publisher.publish(List.of(new OutgoingRecord(record.partitionKey(), record.data())));
        published++;
      } catch (RecordTooLargeException e) {
        log.error("Emitted record {} for partition key {} is too large for {}: {}; it is "
            + "quarantined and not published", record.id(), record.partitionKey(), stream,
            e.getMessage());
        database.inTransaction(c -> quarantine.add(c, stream, "outbox",
            "outbox-" + record.id(), record.partitionKey(), record.data(), e.getMessage()));
      }
      database.inTransaction(c -> {
        outbox.delete(c, record.id());
        return null;
      });
    }
    return published;
  }

  private void sleep(Duration duration) {
    try {
      Thread.sleep(duration.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      stopping.set(true);
    }
  }

  /** Returns how many records wait to be published. */
  public int pending() {
    return database.inTransaction(c -> outbox.count(c, stream));
  }

  @Override
  public void close() {
    stopping.set(true);
    if (thread != null) {
      thread.interrupt();
      try {
        thread.join(Duration.ofSeconds(30).toMillis());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      database.inTransaction(c -> {
        leases.release(c, stream, RELAY_LEASE, owner);
        return null;
      });
    }
  }
}
