package org.arxiv.submission.agent.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.SQLWarning;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Calendar;
import java.util.TimeZone;

/** JDBC helpers shared by the stores. Every time is written and read as UTC. */
public final class Sql {

  private static final ThreadLocal<Calendar> UTC =
      ThreadLocal.withInitial(() -> Calendar.getInstance(TimeZone.getTimeZone("UTC")));

  private Sql() {}

  public static void setInstant(PreparedStatement statement, int index, Instant instant)
      throws SQLException {
    if (instant == null) {
      statement.setNull(index, java.sql.Types.TIMESTAMP);
    } else {
      statement.setTimestamp(index, Timestamp.from(instant), UTC.get());
    }
  }

  public static Instant getInstant(ResultSet rows, String column) throws SQLException {
    Timestamp value = rows.getTimestamp(column, UTC.get());
    return value == null ? null : value.toInstant();
  }

  static void setLong(PreparedStatement statement, int index, Long value) throws SQLException {
    if (value == null) {
      statement.setNull(index, java.sql.Types.BIGINT);
    } else {
      statement.setLong(index, value);
    }
  }

  static Long getLong(ResultSet rows, String column) throws SQLException {
    long value = rows.getLong(column);
    return rows.wasNull() ? null : value;
  }

  /** Returns whether the error is a unique-key violation (SQLState class 23). */
  static boolean isDuplicateKey(SQLException e) {
    return e.getSQLState() != null && e.getSQLState().startsWith("23");
  }

  /**
   * Inserts a row unless one with the same key exists, and returns whether it inserted. The
   * binder sets the values in column order.
   */
  /** MariaDB's error code for a duplicate key (ER_DUP_ENTRY). */
  private static final int MARIADB_DUPLICATE_KEY = 1062;

  static boolean insertIfAbsent(Connection connection, Dialect dialect, String table,
      String columns, Binder binder) throws SQLException {
    int count = columns.split(",").length;
    String placeholders = String.join(", ", java.util.Collections.nCopies(count, "?"));
    String sql = dialect.insertIgnoringDuplicates(table, columns, placeholders);
    if (sql != null) {
      try (PreparedStatement statement = connection.prepareStatement(sql)) {
        binder.bind(statement);
        boolean inserted = statement.executeUpdate() > 0;
        failOnWarnings(statement, table);
        return inserted;
      }
    }
    // H2 keeps the transaction usable after a failed statement, so the error can be caught.
    String plain = "INSERT INTO " + table + " (" + columns + ") VALUES (" + placeholders + ")";
    try (PreparedStatement statement = connection.prepareStatement(plain)) {
      binder.bind(statement);
      return statement.executeUpdate() > 0;
    } catch (SQLException e) {
      if (isDuplicateKey(e)) {
        return false;
      }
      throw e;
    }
  }

  /**
   * Raises the warnings of an insert that ignores errors, other than the duplicate key it is
   * meant to ignore. MariaDB's INSERT IGNORE turns every error into a warning, such as a value
   * cut to the column's length, which must fail as it does on the other databases.
   */
  private static void failOnWarnings(PreparedStatement statement, String table)
      throws SQLException {
    for (SQLWarning warning = statement.getWarnings(); warning != null;
        warning = warning.getNextWarning()) {
      if (warning.getErrorCode() != MARIADB_DUPLICATE_KEY) {
        throw new SQLException("insert into " + table + " failed: " + warning.getMessage(),
            warning.getSQLState(), warning.getErrorCode());
      }
    }
  }

  /** Sets the parameters of a prepared statement. */
  @FunctionalInterface
  interface Binder {
    void bind(PreparedStatement statement) throws SQLException;
  }
}
