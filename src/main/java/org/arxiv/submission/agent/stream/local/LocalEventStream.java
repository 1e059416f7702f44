package org.arxiv.submission.agent.stream.local;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.arxiv.submission.agent.store.Database;
import org.arxiv.submission.agent.store.Sql;
import org.arxiv.submission.agent.stream.EventStream;
import org.arxiv.submission.agent.stream.RawRecord;
import org.arxiv.submission.agent.stream.ShardBatch;
import org.arxiv.submission.agent.stream.ShardInfo;
import org.arxiv.submission.agent.stream.ShardReader;
import org.arxiv.submission.agent.stream.StartPosition;
import org.arxiv.submission.agent.stream.StreamPublisher;
import org.arxiv.submission.agent.stream.TransactionalWriter;

/**
 * The embedded stream: records kept in the agent database, in one shard, so that the agent
 * runs end to end with no server to install.
 *
 * <p>Appenders lock the stream's row in {@code local_stream} to take sequence numbers, so
 * records become visible in sequence order and a reader that has passed a number never misses
 * a record committed later with a smaller one.
 */
public final class LocalEventStream implements EventStream, TransactionalWriter {

  /** The single shard's id, shaped like a Kinesis shard id. */
  public static final String SHARD_ID = "shardId-000000000000";

  private final Database database;
  private final String name;
  private final Clock clock;

  public LocalEventStream(Database database, String name, Clock clock) {
    this.database = database;
    this.name = name;
    this.clock = clock;
  }

  @Override
  public String name() {
    return name;
  }

  @Override
  public List<ShardInfo> listShards() {
    return List.of(new ShardInfo(SHARD_ID, null, null, false));
  }

  @Override
  public ShardReader openReader(String shardId, StartPosition start) {
    if (!SHARD_ID.equals(shardId)) {
      throw new IllegalArgumentException("local stream has no shard " + shardId);
    }
    return new LocalShardReader(database, name, start);
  }

  @Override
  public StreamPublisher publisher() {
    return records -> database.inTransaction(connection -> append(connection, records));
  }

  @Override
  public void write(Connection connection, List<StreamPublisher.OutgoingRecord> records)
      throws SQLException {
    append(connection, records);
  }

  /** Appends the records in this transaction and returns their sequence numbers. */
  public List<String> append(Connection connection, List<StreamPublisher.OutgoingRecord> records)
      throws SQLException {
    if (records.isEmpty()) {
      return List.of();
    }
    long first = reserve(connection, records.size());
    List<String> sequenceNumbers = new ArrayList<>(records.size());
    Instant arrival = clock.instant();
    try (PreparedStatement insert = connection.prepareStatement(
        "INSERT INTO local_stream_record (stream_name, shard_id, sequence_number, partition_key,"
            + " data, arrival) VALUES (?, ?, ?, ?, ?, ?)")) {
      for (int i = 0; i < records.size(); i++) {
        long sequence = first + i;
        insert.setString(1, name);
        insert.setString(2, SHARD_ID);
        insert.setLong(3, sequence);
        insert.setString(4, records.get(i).partitionKey());
        insert.setBytes(5, records.get(i).data());
        Sql.setInstant(insert, 6, arrival);
        insert.addBatch();
        sequenceNumbers.add(Long.toString(sequence));
      }
      insert.executeBatch();
    }
    return sequenceNumbers;
  }

  // Takes the next `count` sequence numbers; the row lock is held until the transaction ends.
  private long reserve(Connection connection, int count) throws SQLException {
    try (PreparedStatement update = connection.prepareStatement(
        "UPDATE local_stream SET last_sequence = last_sequence + ? WHERE stream_name = ?")) {
      update.setLong(1, count);
      update.setString(2, name);
      if (update.executeUpdate() == 0) {
        createRow(connection);
        return reserve(connection, count);
      }
    }
    try (PreparedStatement select = connection.prepareStatement(
        "SELECT last_sequence FROM local_stream WHERE stream_name = ?")) {
      select.setString(1, name);
      try (ResultSet rows = select.executeQuery()) {
        rows.next();
        return rows.getLong(1) - count + 1;
      }
    }
  }

  private void createRow(Connection connection) throws SQLException {
    try (PreparedStatement insert = connection.prepareStatement(
        "INSERT INTO local_stream (stream_name, last_sequence) VALUES (?, 0)")) {
      insert.setString(1, name);
      insert.executeUpdate();
    } catch (SQLException e) {
      // Another appender created the row first; the retried UPDATE then waits for its lock.
      if (e.getSQLState() == null || !e.getSQLState().startsWith("23")) {
        throw e;
      }
    }
  }

  /** Reads the single shard forward from a position. */
  private static final class LocalShardReader implements ShardReader {

    private final Database database;
    private final String stream;
    private final StartPosition start;
    private Long position;

    LocalShardReader(Database database, String stream, StartPosition start) {
      this.database = database;
      this.stream = stream;
      this.start = start;
    }

    @Override
    public ShardBatch read(int limit) {
      return database.inTransaction(connection -> {
        if (position == null) {
          position = initialPosition(connection);
        }
        List<RawRecord> records = new ArrayList<>();
        try (PreparedStatement select = connection.prepareStatement(
            "SELECT sequence_number, partition_key, data, arrival FROM local_stream_record "
                + "WHERE stream_name = ? AND shard_id = ? AND sequence_number > ? "
                + "ORDER BY sequence_number LIMIT " + limit)) {
          select.setString(1, stream);
          select.setString(2, SHARD_ID);
          select.setLong(3, position);
          try (ResultSet rows = select.executeQuery()) {
            while (rows.next()) {
              long sequence = rows.getLong(1);
              records.add(new RawRecord(SHARD_ID, Long.toString(sequence), rows.getString(2),
                  rows.getBytes(3), Sql.getInstant(rows, "arrival")));
              position = sequence;
            }
          }
        }
        return new ShardBatch(records, false, null, remaining(connection));
      });
    }

    private long remaining(Connection connection) throws SQLException {
      try (PreparedStatement count = connection.prepareStatement(
          "SELECT COUNT(*) FROM local_stream_record "
              + "WHERE stream_name = ? AND shard_id = ? AND sequence_number > ?")) {
        count.setString(1, stream);
        count.setString(2, SHARD_ID);
        count.setLong(3, position);
        try (ResultSet rows = count.executeQuery()) {
          rows.next();
          return rows.getLong(1);
        }
      }
    }

    private long initialPosition(Connection connection) throws SQLException {
      if (start instanceof StartPosition.AfterSequenceNumber after) {
        return Long.parseLong(after.sequenceNumber());
      }
      if (start instanceof StartPosition.Latest) {
        return latest(connection);
      }
      if (start instanceof StartPosition.AtTimestamp at) {
        try (PreparedStatement select = connection.prepareStatement(
            "SELECT COALESCE(MIN(sequence_number), -1) FROM local_stream_record "
                + "WHERE stream_name = ? AND arrival >= ?")) {
          select.setString(1, stream);
          Sql.setInstant(select, 2, at.timestamp());
          try (ResultSet rows = select.executeQuery()) {
            rows.next();
            long first = rows.getLong(1);
            return first < 0 ? latest(connection) : first - 1;
          }
        }
      }
      return 0;
    }

    private long latest(Connection connection) throws SQLException {
      try (PreparedStatement select = connection.prepareStatement(
          "SELECT COALESCE(MAX(sequence_number), 0) FROM local_stream_record "
              + "WHERE stream_name = ?")) {
        select.setString(1, stream);
        try (ResultSet rows = select.executeQuery()) {
          rows.next();
          return rows.getLong(1);
        }
      }
    }
  }
}
