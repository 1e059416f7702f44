package org.arxiv.submission.agent.runner;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.util.Optional;
import org.arxiv.submission.agent.domain.Event;
import org.arxiv.submission.agent.domain.Submission;
import org.arxiv.submission.agent.projection.InvalidEvent;
import org.arxiv.submission.agent.projection.Projector;
import org.arxiv.submission.agent.store.EventLogStore;
import org.arxiv.submission.agent.store.SubmissionStore;
import org.arxiv.submission.agent.wire.StreamRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps the stored state of a submission current as its records are consumed, so that it
 * contains both the producer's changes and the agent's own.
 *
 * <p>The agent applies the events it emits to the stored state at once, and their records reach
 * the end of the stream, behind producer records that the consumer has not read yet. Storing
 * each consumed record's {@code after} would therefore undo the agent's events when the next
 * producer record arrives, and restore an older state when the agent's record arrives. Instead:
 * <ul>
 *   <li>a record of an event the agent emitted changes nothing, as its event is applied;
 *   <li>a record whose {@code before} is the stored state stores its {@code after};
 *   <li>any other record has its event applied to the stored state. When that state rejects
 *       the event, an event of the agent has usually overtaken it (the agent accepted a
 *       proposal that the record accepts again), so the stored state stays as it is.
 * </ul>
 */
public final class StateUpdater {

  private static final Logger log = LoggerFactory.getLogger(StateUpdater.class);

  private final SubmissionStore submissions;
  private final EventLogStore eventLog;
  private final Projector projector;
  private final Clock clock;

  public StateUpdater(SubmissionStore submissions, EventLogStore eventLog, Projector projector,
      Clock clock) {
    this.submissions = submissions;
    this.eventLog = eventLog;
    this.projector = projector;
    this.clock = clock;
  }

  /** Updates the stored state with a consumed record, in the caller's transaction. */
  public void update(Connection connection, StreamRecord record) throws SQLException {
    Event event = record.event();
    Long submissionId = record.after().submissionId();
    if (submissionId == null) {
      return;
    }
    // The agent's events all have a System creator, so only those need the lookup.
    if (event.creator().isSystem() && eventLog.isEmitted(connection, event.eventId())) {
      return;
    }
    Optional<Submission> stored = submissions.load(connection, submissionId, true);
    if (stored.isEmpty() || stored.get().equals(record.before())) {
      submissions.save(connection, record.after());
      return;
    }
    try {
      submissions.save(connection, projector.apply(event, stored.get(), clock));
    } catch (InvalidEvent e) {
      log.info("Submission {}: stored state rejects {} {}: {}; keeping the stored state",
          submissionId, event.eventType(), event.eventId(), e.getMessage());
    }
  }
}
