package org.arxiv.submission.agent.runner;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import org.arxiv.submission.agent.domain.Event;
import org.arxiv.submission.agent.domain.Submission;
import org.arxiv.submission.agent.domain.Timestamp;
import org.arxiv.submission.agent.projection.InvalidEvent;
import org.arxiv.submission.agent.projection.Projector;
import org.arxiv.submission.agent.store.EventLogStore;
import org.arxiv.submission.agent.store.SubmissionStore;
import org.arxiv.submission.agent.stream.StreamPublisher.OutgoingRecord;
import org.arxiv.submission.agent.stream.TransactionalWriter;
import org.arxiv.submission.agent.wire.RecordCodec;
import org.arxiv.submission.agent.wire.StreamRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Applies the events a process emits to the stored submission and writes them to the stream
 * with their before and after states, all inside the caller's transaction.
 *
 * <p>Each event gets its {@code created} time here. Times are strictly increasing, one
 * microsecond apart at least, because an event id is derived from the time, type and creator
 * and two events of one step would otherwise share an id.
 */
public final class EventEmitter {

  private static final Logger log = LoggerFactory.getLogger(EventEmitter.class);

  /** The events that were applied and written, and those the submission no longer accepts. */
  public record Emission(List<Event> applied, List<String> rejected) {}

  private final SubmissionStore submissions;
  private final EventLogStore eventLog;
  private final TransactionalWriter writer;
  private final Projector projector;
  private final Clock clock;
  private Timestamp lastCreated;

  public EventEmitter(SubmissionStore submissions, EventLogStore eventLog,
      TransactionalWriter writer, Projector projector, Clock clock) {
    this.submissions = submissions;
    this.eventLog = eventLog;
    this.writer = writer;
    this.projector = projector;
    this.clock = clock;
  }

  /**
   * Applies the events in order to the submission's stored state (or {@code fallback} when the
   * agent has not stored it) and writes one stream record for each.
   *
   * <p>An event that the submission rejects by now (for example a proposal on a submission
   * that was finalized meanwhile) is left out and reported, and the others still apply.
   */
  public Emission emit(Connection connection, long submissionId, Submission fallback,
      List<Event> events, String processId, String step) throws SQLException {
    Submission state = submissions.load(connection, submissionId, true).orElse(fallback);
    List<Event> applied = new ArrayList<>();
    List<String> rejected = new ArrayList<>();
    List<OutgoingRecord> records = new ArrayList<>();
    for (Event event : events) {
      Event timed = event.applied(nextCreated(), submissionId, null, null);
      Submission after;
      try {
        after = projector.apply(timed, state, clock);
      } catch (InvalidEvent e) {
        log.warn("Process {} step {}: submission {} rejects emitted {}: {}; leaving it out",
            processId, step, submissionId, event.eventType(), e.getMessage());
        rejected.add(event.eventType() + ": " + e.getMessage());
        continue;
      }
      Event complete = timed.applied(timed.created(), submissionId, state, after);
      records.add(new OutgoingRecord(Long.toString(submissionId),
          RecordCodec.encodeBytes(new StreamRecord(complete, state, after))));
      eventLog.storeEmitted(connection, complete, processId, step);
      applied.add(complete);
      state = after;
    }
    if (!applied.isEmpty()) {
      submissions.save(connection, state);
      writer.write(connection, records);
    }
    return new Emission(applied, rejected);
  }

  private synchronized Timestamp nextCreated() {
    Timestamp now = Timestamp.now(clock);
    if (lastCreated != null && now.compareTo(lastCreated) <= 0) {
      now = Timestamp.of(lastCreated.toInstant().plusNanos(1000));
    }
    lastCreated = now;
    return now;
  }
}
