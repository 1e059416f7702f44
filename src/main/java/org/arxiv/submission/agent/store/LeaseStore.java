package org.arxiv.submission.agent.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Shard leases: which agent instance reads which shard. A lease expires unless its owner
 * renews it, and an expired lease can be taken by any instance, so a dead owner's shards move
 * on. Expiry is computed from the database's clock, so instances on different hosts agree.
 */
public final class LeaseStore {

  /** A lease row: the shard, its owner (null when released) and when it expires. */
  public record Lease(String shardId, String owner, Instant expires) {}

  private final Dialect dialect;

  public LeaseStore(Dialect dialect) {
    this.dialect = dialect;
  }

  /** Returns the database's current time. */
  public Instant databaseNow(Connection connection) throws SQLException {
    String sql = dialect == Dialect.MARIADB ? "SELECT UTC_TIMESTAMP(6)" : "SELECT CURRENT_TIMESTAMP";
    try (PreparedStatement statement = connection.prepareStatement(sql);
        ResultSet rows = statement.executeQuery()) {
      rows.next();
      return rows.getTimestamp(1, java.util.Calendar.getInstance(
          java.util.TimeZone.getTimeZone("UTC"))).toInstant();
    }
  }

  /**
   * Takes or renews the lease of a shard for {@code owner} when it is free, expired or already
   * the owner's, and returns whether the owner holds it now.
   */
  public boolean acquire(Connection connection, String stream, String shardId, String owner,
      Duration duration) throws SQLException {
    Instant now = databaseNow(connection);
    try (PreparedStatement update = connection.prepareStatement(
        "UPDATE shard_lease SET owner = ?, expires = ?, lease_count = lease_count + 1 "
            + "WHERE stream_name = ? AND shard_id = ? "
            + "AND (owner IS NULL OR owner = ? OR expires < ?)")) {
      update.setString(1, owner);
      Sql.setInstant(update, 2, now.plus(duration));
      update.setString(3, stream);
      update.setString(4, shardId);
      update.setString(5, owner);
      Sql.setInstant(update, 6, now);
      if (update.executeUpdate() > 0) {
        return true;
      }
    }
    return Sql.insertIfAbsent(connection, dialect, "shard_lease",
        "stream_name, shard_id, owner, expires, lease_count", insert -> {
          insert.setString(1, stream);
          insert.setString(2, shardId);
          insert.setString(3, owner);
          Sql.setInstant(insert, 4, now.plus(duration));
          insert.setLong(5, 1);
        });
  }

  /** Extends the owner's lease; returns false when the owner has lost it. */
  public boolean renew(Connection connection, String stream, String shardId, String owner,
      Duration duration) throws SQLException {
    Instant now = databaseNow(connection);
    try (PreparedStatement update = connection.prepareStatement(
        "UPDATE shard_lease SET expires = ? WHERE stream_name = ? AND shard_id = ? "
            + "AND owner = ? AND expires >= ?")) {
      Sql.setInstant(update, 1, now.plus(duration));
      update.setString(2, stream);
      update.setString(3, shardId);
      update.setString(4, owner);
      Sql.setInstant(update, 5, now);
      return update.executeUpdate() > 0;
    }
  }

  /** Returns whether the owner still holds an unexpired lease of the shard. */
  public boolean holds(Connection connection, String stream, String shardId, String owner)
      throws SQLException {
    Instant now = databaseNow(connection);
    try (PreparedStatement select = connection.prepareStatement(
        "SELECT 1 FROM shard_lease WHERE stream_name = ? AND shard_id = ? AND owner = ? "
            + "AND expires >= ?")) {
      select.setString(1, stream);
      select.setString(2, shardId);
      select.setString(3, owner);
      Sql.setInstant(select, 4, now);
      try (ResultSet rows = select.executeQuery()) {
        return rows.next();
      }
    }
  }

  /** Gives up the owner's lease of a shard so another instance can take it at once. */
  public void release(Connection connection, String stream, String shardId, String owner)
      throws SQLException {
    try (PreparedStatement update = connection.prepareStatement(
        "UPDATE shard_lease SET owner = NULL WHERE stream_name = ? AND shard_id = ? "
            + "AND owner = ?")) {
      update.setString(1, stream);
      update.setString(2, shardId);
      update.setString(3, owner);
      update.executeUpdate();
    }
  }

  /** The shard id prefix of the rows that announce a live consumer instance. */
  public static final String INSTANCE_PREFIX = "instance:";

  /**
   * Announces that {@code owner} consumes the stream, for {@code duration}; instances count
   * each other through these rows to share the shards evenly.
   */
  public void heartbeat(Connection connection, String stream, String owner, Duration duration)
      throws SQLException {
    acquire(connection, stream, INSTANCE_PREFIX + owner, owner, duration);
  }

  /** Returns how many consumer instances of the stream have announced themselves recently. */
  public int liveInstances(Connection connection, String stream) throws SQLException {
    Instant now = databaseNow(connection);
    try (PreparedStatement select = connection.prepareStatement(
        "SELECT COUNT(DISTINCT owner) FROM shard_lease WHERE stream_name = ? "
            + "AND shard_id LIKE ? AND owner IS NOT NULL AND expires >= ?")) {
      select.setString(1, stream);
      select.setString(2, INSTANCE_PREFIX + "%");
      Sql.setInstant(select, 3, now);
      try (ResultSet rows = select.executeQuery()) {
        rows.next();
        return rows.getInt(1);
      }
    }
  }

  /** Returns every lease of the stream. */
  public List<Lease> list(Connection connection, String stream) throws SQLException {
    List<Lease> leases = new ArrayList<>();
    try (PreparedStatement select = connection.prepareStatement(
        "SELECT shard_id, owner, expires FROM shard_lease WHERE stream_name = ? "
            + "ORDER BY shard_id")) {
      select.setString(1, stream);
      try (ResultSet rows = select.executeQuery()) {
        while (rows.next()) {
          leases.add(new Lease(rows.getString(1), rows.getString(2),
              Sql.getInstant(rows, "expires")));
        }
      }
    }
    return leases;
  }
}
