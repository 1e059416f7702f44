package org.arxiv.submission.agent.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The consumer's position on each shard: one row per stream and shard, updated in place. A
 * checkpoint is written in the same transaction as the work its record caused.
 */
public final class CheckpointStore {

  /** The last handled sequence number of a shard (null before the first record), and whether
   * the shard is closed and fully read. */
  public record Checkpoint(String streamName, String shardId, String sequenceNumber,
      boolean shardFinished) {}

  private final Clock clock;

  public CheckpointStore(Clock clock) {
    this.clock = clock;
  }

  public Optional<Checkpoint> find(Connection connection, String stream, String shardId)
      throws SQLException {
    try (PreparedStatement statement = connection.prepareStatement(
        "SELECT sequence_number, shard_finished FROM checkpoint "
            + "WHERE stream_name = ? AND shard_id = ?")) {
      statement.setString(1, stream);
      statement.setString(2, shardId);
      try (ResultSet rows = statement.executeQuery()) {
        if (!rows.next()) {
          return Optional.empty();
        }
        return Optional.of(new Checkpoint(stream, shardId, rows.getString(1),
            rows.getBoolean(2)));
      }
    }
  }

  /** Returns every checkpoint of the stream. */
  public List<Checkpoint> list(Connection connection, String stream) throws SQLException {
    List<Checkpoint> checkpoints = new ArrayList<>();
    try (PreparedStatement statement = connection.prepareStatement(
        "SELECT shard_id, sequence_number, shard_finished FROM checkpoint "
            + "WHERE stream_name = ? ORDER BY shard_id")) {
      statement.setString(1, stream);
      try (ResultSet rows = statement.executeQuery()) {
        while (rows.next()) {
          checkpoints.add(new Checkpoint(stream, rows.getString(1), rows.getString(2),
              rows.getBoolean(3)));
        }
      }
    }
    return checkpoints;
  }

  /** Stores the position after the record with this sequence number. */
  public void save(Connection connection, String stream, String shardId, String sequenceNumber)
      throws SQLException {
    upsert(connection, stream, shardId, sequenceNumber, false);
  }

  /** Records that the shard is closed and every record of it has been handled. */
  public void markFinished(Connection connection, String stream, String shardId,
      String lastSequenceNumber) throws SQLException {
    upsert(connection, stream, shardId, lastSequenceNumber, true);
  }

  private void upsert(Connection connection, String stream, String shardId, String sequence,
      boolean finished) throws SQLException {
    try (PreparedStatement update = connection.prepareStatement(
        "UPDATE checkpoint SET sequence_number = COALESCE(?, sequence_number), "
            + "shard_finished = ?, updated = ? WHERE stream_name = ? AND shard_id = ?")) {
      update.setString(1, sequence);
      update.setBoolean(2, finished);
      Sql.setInstant(update, 3, clock.instant());
      update.setString(4, stream);
      update.setString(5, shardId);
      if (update.executeUpdate() > 0) {
        return;
      }
    }
    // No row yet: the shard's first checkpoint. Two owners never write one shard at the same
    // time, because a shard has one lease holder.
    try (PreparedStatement insert = connection.prepareStatement(
        "INSERT INTO checkpoint (stream_name, shard_id, sequence_number, shard_finished, updated)"
            + " VALUES (?, ?, ?, ?, ?)")) {
      insert.setString(1, stream);
      insert.setString(2, shardId);
      insert.setString(3, sequence);
      insert.setBoolean(4, finished);
      Sql.setInstant(insert, 5, clock.instant());
      insert.executeUpdate();
    }
  }
}
