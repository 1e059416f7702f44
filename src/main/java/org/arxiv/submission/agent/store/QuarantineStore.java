package org.arxiv.submission.agent.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Records that could not be decoded or whose handling failed for good, kept with the error so
 * that the shard can move on and an operator can inspect and re-drive them.
 */
public final class QuarantineStore {

  /** A quarantined record. {@code redriven} is set once it has been handled again. */
  public record QuarantinedRecord(long id, String streamName, String shardId,
      String sequenceNumber, String partitionKey, byte[] data, String error, Instant quarantined,
      Instant redriven) {}

  private final Dialect dialect;
  private final Clock clock;

  public QuarantineStore(Dialect dialect, Clock clock) {
    this.dialect = dialect;
    this.clock = clock;
  }

  /** Quarantines a record unless its position is already quarantined; returns whether it did. */
  public boolean add(Connection connection, String stream, String shardId, String sequenceNumber,
      String partitionKey, byte[] data, String error) throws SQLException {
    return Sql.insertIfAbsent(connection, dialect, "quarantined_record",
        "stream_name, shard_id, sequence_number, partition_key, data, error, quarantined",
        statement -> {
          statement.setString(1, stream);
          statement.setString(2, shardId);
          statement.setString(3, sequenceNumber);
          statement.setString(4, partitionKey);
          statement.setBytes(5, data);
          statement.setString(6, error);
          Sql.setInstant(statement, 7, clock.instant());
        });
  }

  /** Returns the quarantined records, oldest first; with {@code pendingOnly} those not re-driven. */
  public List<QuarantinedRecord> list(Connection connection, boolean pendingOnly)
      throws SQLException {
    String where = pendingOnly ? " WHERE redriven IS NULL" : "";
    List<QuarantinedRecord> records = new ArrayList<>();
    try (PreparedStatement statement = connection.prepareStatement(
        "SELECT id, stream_name, shard_id, sequence_number, partition_key, data, error,"
            + " quarantined, redriven FROM quarantined_record" + where + " ORDER BY id")) {
      try (ResultSet rows = statement.executeQuery()) {
        while (rows.next()) {
          records.add(new QuarantinedRecord(rows.getLong(1), rows.getString(2),
              rows.getString(3), rows.getString(4), rows.getString(5), rows.getBytes(6),
              rows.getString(7), Sql.getInstant(rows, "quarantined"),
              Sql.getInstant(rows, "redriven")));
        }
      }
    }
    return records;
  }

  public Optional<QuarantinedRecord> find(Connection connection, long id) throws SQLException {
    return list(connection, false).stream().filter(r -> r.id() == id).findFirst();
  }

  /** Marks a record as re-driven, or updates its error when the re-drive failed again. */
  public void markRedriven(Connection connection, long id, String newError) throws SQLException {
    try (PreparedStatement statement = connection.prepareStatement(newError == null
        ? "UPDATE quarantined_record SET redriven = ? WHERE id = ?"
        : "UPDATE quarantined_record SET error = ? WHERE id = ?")) {
      if (newError == null) {
        Sql.setInstant(statement, 1, clock.instant());
      } else {
        statement.setString(1, newError);
      }
      statement.setLong(2, id);
      statement.executeUpdate();
    }
  }

  /** Returns how many records are quarantined and not re-driven. */
  public int countPending(Connection connection) throws SQLException {
    try (PreparedStatement statement = connection.prepareStatement(
        "SELECT COUNT(*) FROM quarantined_record WHERE redriven IS NULL")) {
      try (ResultSet rows = statement.executeQuery()) {
        rows.next();
        return rows.getInt(1);
      }
    }
  }
}
