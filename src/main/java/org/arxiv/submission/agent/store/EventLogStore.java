package org.arxiv.submission.agent.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.arxiv.submission.agent.domain.Event;
import org.arxiv.submission.agent.domain.event.AddProcessStatus;
import org.arxiv.submission.agent.wire.PythonJson;
import org.arxiv.submission.agent.wire.RecordCodec;

/**
 * The events the agent keeps a log of: process status events seen on the stream (once per
 * event id, whatever the redeliveries) and the events the agent's processes emitted.
 */
public final class EventLogStore {

  /** An event a process emitted, with the step that emitted it. */
  public record EmittedEvent(String eventId, String processId, String step, Long submissionId,
      String eventType, Instant created, String eventJson) {}

  private final Dialect dialect;
  private final Clock clock;

  public EventLogStore(Dialect dialect, Clock clock) {
    this.dialect = dialect;
    this.clock = clock;
  }

  /** Stores a process status event unless its id is already stored; returns whether it did. */
  public boolean storeStatusEvent(Connection connection, Event event) throws SQLException {
    AddProcessStatus status = (AddProcessStatus) event.data();
    return Sql.insertIfAbsent(connection, dialect, "process_status_event",
        "event_id, created, received, submission_id, process_id, process, step, status, reason,"
            + " agent_type, agent_id",
        statement -> {
          statement.setString(1, event.eventId());
          Sql.setInstant(statement, 2, event.created().toInstant());
          Sql.setInstant(statement, 3, clock.instant());
          Sql.setLong(statement, 4, event.submissionId());
          statement.setString(5, status.processId());
          statement.setString(6, status.process() == null ? "" : status.process());
          statement.setString(7, status.step());
          statement.setString(8, status.status().wireValue());
          statement.setString(9, status.reason());
          statement.setString(10, event.creator().agentType().wireValue());
          statement.setString(11, event.creator().nativeIdText());
        });
  }

  /** Stores an event a process emitted; the event must have been applied (it has an id). */
  public void storeEmitted(Connection connection, Event event, String processId, String step)
      throws SQLException {
    Event withoutStates = event.applied(event.created(), event.submissionId(), null, null);
    String json = PythonJson.write(RecordCodec.encodeEvent(withoutStates));
    Sql.insertIfAbsent(connection, dialect, "emitted_event",
        "event_id, process_id, step, submission_id, event_type, created, event",
        statement -> {
          statement.setString(1, event.eventId());
          statement.setString(2, processId);
          statement.setString(3, step);
          Sql.setLong(statement, 4, event.submissionId());
          statement.setString(5, event.eventType());
          Sql.setInstant(statement, 6, event.created().toInstant());
          statement.setString(7, json);
        });
  }

  /** Returns whether the event is one that a process of the agent emitted. */
  public boolean isEmitted(Connection connection, String eventId) throws SQLException {
    try (PreparedStatement select = connection.prepareStatement(
        "SELECT 1 FROM emitted_event WHERE event_id = ?")) {
      select.setString(1, eventId);
      try (ResultSet rows = select.executeQuery()) {
        return rows.next();
      }
    }
  }

  /** Returns the events a process emitted, in the order they were created. */
  public List<EmittedEvent> emittedBy(Connection connection, String processId)
      throws SQLException {
    List<EmittedEvent> events = new ArrayList<>();
    try (PreparedStatement statement = connection.prepareStatement(
        "SELECT event_id, process_id, step, submission_id, event_type, created, event "
            + "FROM emitted_event WHERE process_id = ? ORDER BY created, event_id")) {
      statement.setString(1, processId);
      try (ResultSet rows = statement.executeQuery()) {
        while (rows.next()) {
          events.add(new EmittedEvent(rows.getString(1), rows.getString(2), rows.getString(3),
              Sql.getLong(rows, "submission_id"), rows.getString(5),
              Sql.getInstant(rows, "created"), rows.getString(7)));
        }
      }
    }
    return events;
  }

  /** Returns how many events were emitted at or after the given time. */
  public int countEmittedSince(Connection connection, Instant since) throws SQLException {
    try (PreparedStatement statement = connection.prepareStatement(
        "SELECT COUNT(*) FROM emitted_event WHERE created >= ?")) {
      Sql.setInstant(statement, 1, since);
      try (ResultSet rows = statement.executeQuery()) {
        rows.next();
        return rows.getInt(1);
      }
    }
  }
}
