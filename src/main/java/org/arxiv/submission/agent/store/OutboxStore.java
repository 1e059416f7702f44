package org.arxiv.submission.agent.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Records waiting to be put on an external stream. They are written in the transaction that
 * produced them and deleted once the stream has accepted them, so a record is published at
 * least once if and only if its transaction committed.
 */
public final class OutboxStore {

  /** A waiting record, in the order it was written. */
  public record OutboxRecord(long id, String streamName, String partitionKey, byte[] data) {}

  private final Clock clock;

  public OutboxStore(Clock clock) {
    this.clock = clock;
  }

  public void add(Connection connection, String stream, String partitionKey, byte[] data)
      throws SQLException {
    try (PreparedStatement insert = connection.prepareStatement(
        "INSERT INTO outbox_record (stream_name, partition_key, data, created) "
            + "VALUES (?, ?, ?, ?)")) {
      insert.setString(1, stream);
      insert.setString(2, partitionKey);
      insert.setBytes(3, data);
      Sql.setInstant(insert, 4, clock.instant());
      insert.executeUpdate();
    }
  }

  /** Returns the oldest waiting records of the stream, at most {@code limit}. */
  public List<OutboxRecord> oldest(Connection connection, String stream, int limit)
      throws SQLException {
    List<OutboxRecord> records = new ArrayList<>();
    try (PreparedStatement select = connection.prepareStatement(
        "SELECT id, partition_key, data FROM outbox_record WHERE stream_name = ? "
            + "ORDER BY id LIMIT " + limit)) {
      select.setString(1, stream);
      try (ResultSet rows = select.executeQuery()) {
        while (rows.next()) {
          records.add(new OutboxRecord(rows.getLong(1), stream, rows.getString(2),
              rows.getBytes(3)));
        }
      }
    }
    return records;
  }

  /**
   * Deletes the records with these ids, which must be exactly the published ones. Deleting
   * every id up to the last one published would also delete records that a slower transaction
   * inserted with a lower id and committed after the read.
   */
  public void delete(Connection connection, List<Long> ids) throws SQLException {
    if (ids.isEmpty()) {
      return;
    }
    String placeholders = String.join(", ", Collections.nCopies(ids.size(), "?"));
    try (PreparedStatement delete = connection.prepareStatement(
        "DELETE FROM outbox_record WHERE id IN (" + placeholders + ")")) {
      for (int i = 0; i < ids.size(); i++) {
        delete.setLong(i + 1, ids.get(i));
      }
      delete.executeUpdate();
    }
  }

  /** Deletes one record, for a record the stream rejects for good. */
  public void delete(Connection connection, long id) throws SQLException {
    try (PreparedStatement delete = connection.prepareStatement(
        "DELETE FROM outbox_record WHERE id = ?")) {
      delete.setLong(1, id);
      delete.executeUpdate();
    }
  }

  public int count(Connection connection, String stream) throws SQLException {
    try (PreparedStatement select = connection.prepareStatement(
        "SELECT COUNT(*) FROM outbox_record WHERE stream_name = ?")) {
      select.setString(1, stream);
      try (ResultSet rows = select.executeQuery()) {
        rows.next();
        return rows.getInt(1);
      }
    }
  }
}
