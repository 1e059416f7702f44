package org.arxiv.submission.agent.integration;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Calendar;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TimeZone;
import org.arxiv.submission.agent.TestDatabases;
import org.arxiv.submission.agent.store.DatabaseSettings;

/**
 * A fresh MariaDB database on 127.0.0.1 for one test, read over a plain JDBC connection of its
 * own, so that the assertions neither share the agent's pool nor pass through its proxy.
 * {@link #close()} drops the database.
 */
final class TestDatabase implements AutoCloseable {

  /** A row of {@code process_run}, with the columns the assertions use. */
  record Run(String processId, String process, String triggerEventId, String triggerEventType,
      String status, String shardId, String sequenceNumber, Instant created) {

    boolean isFinished() {
      return status.equals("succeeded") || status.equals("failed");
    }
  }

  /** A row of {@code checkpoint}. */
  record Checkpoint(String shardId, String sequenceNumber, boolean finished) {}

  /** A row of {@code quarantined_record}. */
  record Quarantined(long id, String shardId, String sequenceNumber, String partitionKey,
      byte[] data, String error, Instant redriven) {}

  /** A row of {@code emitted_event}. */
  record Emitted(String eventId, String processId, String step, String eventType,
      String event) {}

  private static final Calendar UTC = Calendar.getInstance(TimeZone.getTimeZone("UTC"));

  private final DatabaseSettings settings;
  private final Connection connection;

  private TestDatabase(DatabaseSettings settings, Connection connection) {
    this.settings = settings;
    this.connection = connection;
  }

  /** Creates an empty database; the agent's migrations create the tables when it opens. */
  static TestDatabase create() throws SQLException {
    DatabaseSettings settings = TestDatabases.create(TestDatabases.Kind.MARIADB);
    Connection connection = DriverManager.getConnection(settings.url(), settings.user(), null);
    return new TestDatabase(settings, connection);
  }

  String url() {
    return settings.url();
  }

  String user() {
    return settings.user();
  }

  /** Returns the database name, the last segment of the URL. */
  String name() {
    return settings.url().substring(settings.url().lastIndexOf('/') + 1);
  }

  List<Run> runs() throws SQLException {
    List<Run> runs = new ArrayList<>();
    try (Statement statement = connection.createStatement();
        ResultSet rows = statement.executeQuery("SELECT process_id, process, trigger_event_id,"
            + " trigger_event_type, status, shard_id, sequence_number, created"
            + " FROM process_run ORDER BY created")) {
      while (rows.next()) {
        runs.add(new Run(rows.getString(1), rows.getString(2), rows.getString(3),
            rows.getString(4), rows.getString(5), rows.getString(6), rows.getString(7),
            rows.getTimestamp(8, UTC).toInstant()));
      }
    }
    return runs;
  }

  Map<String, Checkpoint> checkpoints(String stream) throws SQLException {
    Map<String, Checkpoint> checkpoints = new LinkedHashMap<>();
    try (PreparedStatement statement = connection.prepareStatement("SELECT shard_id,"
        + " sequence_number, shard_finished FROM checkpoint WHERE stream_name = ?"
        + " ORDER BY shard_id")) {
      statement.setString(1, stream);
      try (ResultSet rows = statement.executeQuery()) {
        while (rows.next()) {
          checkpoints.put(rows.getString(1),
              new Checkpoint(rows.getString(1), rows.getString(2), rows.getBoolean(3)));
        }
      }
    }
    return checkpoints;
  }

  List<Quarantined> quarantined() throws SQLException {
    List<Quarantined> records = new ArrayList<>();
    try (Statement statement = connection.createStatement();
        ResultSet rows = statement.executeQuery("SELECT id, shard_id, sequence_number,"
            + " partition_key, data, error, redriven FROM quarantined_record ORDER BY id")) {
      while (rows.next()) {
        java.sql.Timestamp redriven = rows.getTimestamp(7, UTC);
        records.add(new Quarantined(rows.getLong(1), rows.getString(2), rows.getString(3),
            rows.getString(4), rows.getBytes(5), rows.getString(6),
            redriven == null ? null : redriven.toInstant()));
      }
    }
    return records;
  }

  List<Emitted> emitted() throws SQLException {
    List<Emitted> events = new ArrayList<>();
    try (Statement statement = connection.createStatement();
        ResultSet rows = statement.executeQuery("SELECT event_id, process_id, step,"
            + " event_type, event FROM emitted_event ORDER BY created")) {
      while (rows.next()) {
        events.add(new Emitted(rows.getString(1), rows.getString(2), rows.getString(3),
            rows.getString(4), rows.getString(5)));
      }
    }
    return events;
  }

  /** Returns the first column of every row of a query, as strings. */
  List<String> column(String sql) throws SQLException {
    List<String> values = new ArrayList<>();
    try (Statement statement = connection.createStatement();
        ResultSet rows = statement.executeQuery(sql)) {
      while (rows.next()) {
        values.add(rows.getString(1));
      }
    }
    return values;
  }

  /** Returns the rows of a query, each as its columns joined with " | ", for messages. */
  List<String> rows(String sql) throws SQLException {
    List<String> values = new ArrayList<>();
    try (Statement statement = connection.createStatement();
        ResultSet rows = statement.executeQuery(sql)) {
      int columns = rows.getMetaData().getColumnCount();
      while (rows.next()) {
        List<String> row = new ArrayList<>();
        for (int i = 1; i <= columns; i++) {
          row.add(rows.getString(i));
        }
        values.add(String.join(" | ", row));
      }
    }
    return values;
  }

  long count(String sql) throws SQLException {
    try (Statement statement = connection.createStatement();
        ResultSet rows = statement.executeQuery(sql)) {
      rows.next();
      return rows.getLong(1);
    }
  }

  /** Returns the count, or -1 while the agent has not created the table yet. */
  long countOrMissing(String sql) {
    try {
      return count(sql);
    } catch (SQLException e) {
      return -1;
    }
  }

  @Override
  public void close() throws SQLException {
    try (Statement statement = connection.createStatement()) {
      statement.execute("DROP DATABASE IF EXISTS " + name());
    } finally {
      connection.close();
    }
  }
}
