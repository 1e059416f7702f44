package org.arxiv.submission.agent.store;

import com.fasterxml.jackson.core.JsonProcessingException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.arxiv.submission.agent.domain.Agent;
import org.arxiv.submission.agent.domain.Submission;
import org.arxiv.submission.agent.process.ProcessServices.Candidate;
import org.arxiv.submission.agent.wire.Json;

/**
 * The latest state of each submission, as seen on the stream or produced by the agent's own
 * events. Processes read it to find recent titles, and the agent applies the events it emits
 * to it.
 */
public final class SubmissionStore {

  /** Statuses of the submissions that new titles are compared with: finalized or removed. */
  private static final String CANDIDATE_STATUSES = "'submitted', 'scheduled', 'deleted'";

  private final Dialect dialect;
  private final Clock clock;

  public SubmissionStore(Dialect dialect, Clock clock) {
    this.dialect = dialect;
    this.clock = clock;
  }

  /** Loads a state; with {@code lock} the row stays locked until the transaction ends. */
  public Optional<Submission> load(Connection connection, long submissionId, boolean lock)
      throws SQLException {
    String sql = "SELECT state FROM submission_state WHERE submission_id = ?"
        + (lock ? " FOR UPDATE" : "");
    try (PreparedStatement statement = connection.prepareStatement(sql)) {
      statement.setLong(1, submissionId);
      try (ResultSet rows = statement.executeQuery()) {
        if (!rows.next()) {
          return Optional.empty();
        }
        return Optional.of(parse(rows.getString(1)));
      }
    }
  }

  /**
   * Stores the state as the submission's latest, and returns whether it stored it. States
   * without a submission id (only {@code CreateSubmission}) are not stored.
   *
   * <p>The latest state is the one last consumed from the stream, in stream order, which one
   * submission's records keep because they share a partition key. Timestamps are not compared:
   * the submission system and the agent stamp events with different clocks.
   */
  public boolean save(Connection connection, Submission state) throws SQLException {
    Long id = state.submissionId();
    if (id == null || state.updated() == null) {
      return false;
    }
    try (PreparedStatement update = connection.prepareStatement(
        "UPDATE submission_state SET status = ?, title = ?, created = ?, updated = ?, state = ?,"
            + " stored = ? WHERE submission_id = ?")) {
      bindRow(update, state, -1);
      update.setLong(7, id);
      if (update.executeUpdate() > 0) {
        return true;
      }
    }
    boolean inserted = Sql.insertIfAbsent(connection, dialect, "submission_state",
        "submission_id, status, title, created, updated, state, stored",
        statement -> bindRow(statement, state, 0));
    // Another transaction inserted the row first; write over it as the later writer.
    return inserted || save(connection, state);
  }

  // Binds the row values; with offset 0 the submission id comes first, with -1 it is left out.
  private void bindRow(PreparedStatement statement, Submission state, int offset)
      throws SQLException {
    int i = 1;
    if (offset == 0) {
      statement.setLong(i++, state.submissionId());
    }
    statement.setString(i++, state.status());
    // PostgreSQL text rejects the NUL character, and the column only serves to compare titles.
    statement.setString(i++, state.title() == null ? null : state.title().replace("\u0000", ""));
    Sql.setInstant(statement, i++, state.created() == null ? null : state.created().toInstant());
    statement.setString(i++, state.updated().toString());
    statement.setString(i++, state.toJson().toString());
    Sql.setInstant(statement, i, clock.instant());
  }

  /**
   * Returns the finalized or removed submissions created at or after {@code since}, other than
   * {@code excludeId}, that have a title; the owner is the submission's owner agent.
   */
  public List<Candidate> recentFinalized(Connection connection, Long excludeId, Instant since)
      throws SQLException {
    List<Candidate> candidates = new ArrayList<>();
    try (PreparedStatement statement = connection.prepareStatement(
        "SELECT submission_id, title, state FROM submission_state WHERE status IN ("
            + CANDIDATE_STATUSES + ") AND created >= ? AND submission_id <> ? "
            + "AND title IS NOT NULL ORDER BY submission_id")) {
      Sql.setInstant(statement, 1, since);
      statement.setLong(2, excludeId == null ? -1 : excludeId);
      try (ResultSet rows = statement.executeQuery()) {
        while (rows.next()) {
          Submission state = parse(rows.getString(3));
          Agent owner = Agent.fromJson(state.get("owner"));
          candidates.add(new Candidate(rows.getLong(1), rows.getString(2), owner));
        }
      }
    }
    return candidates;
  }

  private static Submission parse(String json) throws SQLException {
    try {
      return Submission.fromJson(Json.mapper().readTree(json));
    } catch (JsonProcessingException | IllegalArgumentException e) {
      throw new SQLException("stored submission state is not valid JSON: " + e.getMessage(), e);
    }
  }
}
