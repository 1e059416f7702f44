package org.arxiv.submission.agent.store;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The agent database: a connection pool, the schema migrations and transactions.
 *
 * <p>Every write of the agent happens in one of these transactions, so that a checkpoint, the
 * processes its record started and the events a step emitted commit together or not at all.
 */
public final class Database implements AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(Database.class);

  /** Work done inside a transaction. */
  @FunctionalInterface
  public interface TransactionWork<T> {
    T run(Connection connection) throws SQLException;
  }

  /** How long a health check waits for a valid connection. */
  private static final Duration HEALTH_CHECK_TIMEOUT = Duration.ofSeconds(2);

  private final HikariDataSource dataSource;
  private final Dialect dialect;
  private final ExecutorService healthChecks = Executors.newSingleThreadExecutor(r -> {
    Thread thread = new Thread(r, "database-health-check");
    thread.setDaemon(true);
    return thread;
  });
  private Future<Boolean> healthCheck;

  private Database(HikariDataSource dataSource, Dialect dialect) {
    this.dataSource = dataSource;
    this.dialect = dialect;
  }

  /**
   * Opens the pool and applies pending migrations.
   *
   * @param settings where and how to connect
   */
  public static Database open(DatabaseSettings settings) {
    Dialect dialect = Dialect.forUrl(settings.url());
    HikariConfig config = new HikariConfig();
    config.setJdbcUrl(Dialect.completeUrl(settings.url()));
    config.setUsername(settings.user());
    config.setPassword(settings.password());
    config.setMaximumPoolSize(settings.poolSize());
    config.setConnectionTimeout(settings.connectTimeout().toMillis());
    config.setPoolName("agent-db");
    config.setAutoCommit(true);
    // Keep start-up quick when the server is down; callers decide how long to wait for it.
    config.setInitializationFailTimeout(-1);
    HikariDataSource dataSource = new HikariDataSource(config);
    try {
      migrate(dataSource, dialect);
    } catch (RuntimeException e) {
      dataSource.close();
      throw new StoreException(openFailure(settings, e), e);
    }
    log.info("Agent database ready: {} ({})", settings.redactedUrl(), dialect);
    return new Database(dataSource, dialect);
  }

  /** Returns a one-line reason why the database did not open, naming the setting to check. */
  static String openFailure(DatabaseSettings settings, Throwable error) {
    Throwable root = error;
    boolean locked = false;
    for (Throwable t = error; t != null; t = t.getCause() == t ? null : t.getCause()) {
      locked |= String.valueOf(t.getMessage()).contains("Database may be already in use");
      root = t;
    }
    String reason = root.getMessage() == null ? root.toString() : root.getMessage();
    // H2 puts the SQL state and a stack of "[...]" details after the first line.
    reason = reason.lines().findFirst().orElse(reason).trim();
    if (locked) {
      return "the H2 database at AGENT_DATABASE_URL=" + settings.redactedUrl()
          + " is in use by another agent process; an H2 file allows one process at a time, so"
          + " stop that process or use MariaDB or PostgreSQL to run several";
    }
    return "cannot open the agent database at AGENT_DATABASE_URL=" + settings.redactedUrl()
        + (settings.user() == null ? "" : " as AGENT_DATABASE_USER=" + settings.user())
        + ": " + reason;
  }

  private static void migrate(DataSource dataSource, Dialect dialect) {
    Flyway.configure()
        .dataSource(dataSource)
        .locations(dialect.migrationLocation())
        .load()
        .migrate();
  }

  public DataSource dataSource() {
    return dataSource;
  }

  public Dialect dialect() {
    return dialect;
  }

  /**
   * Runs the work in one transaction and commits it; any exception rolls it back.
   *
   * @throws StoreException when the database fails or the work throws SQLException
   */
  public <T> T inTransaction(TransactionWork<T> work) {
    try (Connection connection = dataSource.getConnection()) {
      connection.setAutoCommit(false);
      try {
        T result = work.run(connection);
        connection.commit();
        return result;
      } catch (SQLException | RuntimeException e) {
        rollbackQuietly(connection, e);
        throw e;
      } finally {
        connection.setAutoCommit(true);
      }
    } catch (SQLException e) {
      throw new StoreException("database transaction failed: " + e.getMessage(), e);
    }
  }

  /** Returns whether the database provides a valid connection within two seconds. */
  public boolean isAvailable() {
    return isAvailable(HEALTH_CHECK_TIMEOUT);
  }

  /**
   * Returns whether the database provides a valid connection within {@code timeout}. A check still running from an
   * earlier call is awaited instead of starting another, so a slow database does not pile up
   * threads.
   */
  public boolean isAvailable(Duration timeout) {
    Future<Boolean> check;
    synchronized (this) {
      if (healthCheck == null || healthCheck.isDone()) {
        healthCheck = healthChecks.submit(this::connectionIsValid);
      }
      check = healthCheck;
    }
    try {
      return check.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
    } catch (TimeoutException | ExecutionException e) {
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  private boolean connectionIsValid() {
    try (Connection connection = dataSource.getConnection()) {
      return connection.isValid((int) HEALTH_CHECK_TIMEOUT.toSeconds());
    } catch (SQLException e) {
      return false;
    }
  }

  private static void rollbackQuietly(Connection connection, Exception cause) {
    try {
      connection.rollback();
    } catch (SQLException e) {
      cause.addSuppressed(e);
    }
  }

  @Override
  public void close() {
    healthChecks.shutdownNow();
    dataSource.close();
  }
}
