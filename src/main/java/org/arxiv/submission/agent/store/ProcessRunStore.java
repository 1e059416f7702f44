package org.arxiv.submission.agent.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The dispatched processes. A trigger event starts each process at most once. */
public final class ProcessRunStore {

  private static final String COLUMNS =
      "process_id, process, submission_id, trigger_event_id, trigger_event_type, trigger_record,"
          + " params, status, next_step, step_attempts, step_results, reason, queued, stream_name,"
          + " shard_id, sequence_number, created, updated";

  private final Dialect dialect;
  private final Clock clock;

  public ProcessRunStore(Dialect dialect, Clock clock) {
    this.dialect = dialect;
    this.clock = clock;
  }

  /**
   * Inserts the run unless the same trigger event already started the same process, and
   * returns whether it inserted.
   */
  public boolean insertIfAbsent(Connection connection, ProcessRun run) throws SQLException {
    return Sql.insertIfAbsent(connection, dialect, "process_run", COLUMNS, statement -> {
      statement.setString(1, run.processId());
      statement.setString(2, run.process());
      Sql.setLong(statement, 3, run.submissionId());
      statement.setString(4, run.triggerEventId());
      statement.setString(5, run.triggerEventType());
      statement.setString(6, run.triggerRecord());
      statement.setString(7, run.params());
      statement.setString(8, run.status());
      statement.setInt(9, run.nextStep());
      statement.setInt(10, run.stepAttempts());
      statement.setString(11, run.stepResults());
      statement.setString(12, run.reason());
      statement.setBoolean(13, run.queued());
      statement.setString(14, run.streamName());
      statement.setString(15, run.shardId());
      statement.setString(16, run.sequenceNumber());
      Sql.setInstant(statement, 17, run.created());
      Sql.setInstant(statement, 18, run.updated());
    });
  }

  /** Loads a run; with {@code lock} the row stays locked until the transaction ends. */
  public Optional<ProcessRun> find(Connection connection, String processId, boolean lock)
      throws SQLException {
    List<ProcessRun> runs = query(connection, "WHERE process_id = ?" + (lock ? " FOR UPDATE" : ""),
        processId);
    return runs.stream().findFirst();
  }

  /** Returns the runs of a submission, oldest first. */
  public List<ProcessRun> listBySubmission(Connection connection, long submissionId)
      throws SQLException {
    return query(connection, "WHERE submission_id = ? ORDER BY created, process_id",
        submissionId);
  }

  /** Returns runs that were committed but not yet handed to the job queue. */
  public List<ProcessRun> listUnqueued(Connection connection, int limit) throws SQLException {
    List<ProcessRun> runs = query(connection, "WHERE queued = ? ORDER BY created", false);
    return runs.size() > limit ? runs.subList(0, limit) : runs;
  }

  /** Returns the runs with the given status, oldest first. */
  public List<ProcessRun> listByStatus(Connection connection, String status) throws SQLException {
    return query(connection, "WHERE status = ? ORDER BY created", status);
  }

  /** Returns the number of runs by process name and status, for runs updated since a time. */
  public Map<String, Map<String, Integer>> countByProcessAndStatus(Connection connection,
      Instant since) throws SQLException {
    Map<String, Map<String, Integer>> counts = new LinkedHashMap<>();
    try (PreparedStatement statement = connection.prepareStatement(
        "SELECT process, status, COUNT(*) FROM process_run WHERE updated >= ? "
            + "GROUP BY process, status ORDER BY process, status")) {
      Sql.setInstant(statement, 1, since);
      try (ResultSet rows = statement.executeQuery()) {
        while (rows.next()) {
          counts.computeIfAbsent(rows.getString(1), k -> new LinkedHashMap<>())
              .put(rows.getString(2), rows.getInt(3));
        }
      }
    }
    return counts;
  }

  /** Returns how many runs have not yet succeeded or failed. */
  public int countUnfinished(Connection connection) throws SQLException {
    try (PreparedStatement statement = connection.prepareStatement(
        "SELECT COUNT(*) FROM process_run WHERE status NOT IN (?, ?)")) {
      statement.setString(1, ProcessRun.SUCCEEDED);
      statement.setString(2, ProcessRun.FAILED);
      try (ResultSet rows = statement.executeQuery()) {
        rows.next();
        return rows.getInt(1);
      }
    }
  }

  public void markQueued(Connection connection, String processId) throws SQLException {
    try (PreparedStatement statement = connection.prepareStatement(
        "UPDATE process_run SET queued = ? WHERE process_id = ?")) {
      statement.setBoolean(1, true);
      statement.setString(2, processId);
      statement.executeUpdate();
    }
  }

  /** Records the outcome of a step: new status, next step, attempts, results and reason. */
  public void updateProgress(Connection connection, String processId, String status,
      int nextStep, int stepAttempts, String stepResults, String reason) throws SQLException {
    try (PreparedStatement statement = connection.prepareStatement(
        "UPDATE process_run SET status = ?, next_step = ?, step_attempts = ?, step_results = ?,"
            + " reason = ?, updated = ? WHERE process_id = ?")) {
      statement.setString(1, status);
      statement.setInt(2, nextStep);
      statement.setInt(3, stepAttempts);
      statement.setString(4, stepResults);
      statement.setString(5, reason);
      Sql.setInstant(statement, 6, clock.instant());
      statement.setString(7, processId);
      statement.executeUpdate();
    }
  }

  private List<ProcessRun> query(Connection connection, String where, Object parameter)
      throws SQLException {
    List<ProcessRun> runs = new ArrayList<>();
    try (PreparedStatement statement =
        connection.prepareStatement("SELECT " + COLUMNS + " FROM process_run " + where)) {
      statement.setObject(1, parameter);
      try (ResultSet rows = statement.executeQuery()) {
        while (rows.next()) {
          runs.add(read(rows));
        }
      }
    }
    return runs;
  }

  private static ProcessRun read(ResultSet rows) throws SQLException {
    return new ProcessRun(
        rows.getString("process_id"),
        rows.getString("process"),
        Sql.getLong(rows, "submission_id"),
        rows.getString("trigger_event_id"),
        rows.getString("trigger_event_type"),
        rows.getString("trigger_record"),
        rows.getString("params"),
        rows.getString("status"),
        rows.getInt("next_step"),
        rows.getInt("step_attempts"),
        rows.getString("step_results"),
        rows.getString("reason"),
        rows.getBoolean("queued"),
        rows.getString("stream_name"),
        rows.getString("shard_id"),
        rows.getString("sequence_number"),
        Sql.getInstant(rows, "created"),
        Sql.getInstant(rows, "updated"));
  }
}
