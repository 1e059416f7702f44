package org.arxiv.submission.agent.store;

import java.time.Duration;

/**
 * How to reach the agent database.
 *
 * @param url JDBC URL; H2 file, MariaDB/MySQL or PostgreSQL
 * @param user user name, or null
 * @param password password, or null; never logged
 * @param poolSize maximum connections in the pool
 * @param connectTimeout how long to wait for a connection
 */
public record DatabaseSettings(
    String url, String user, String password, int poolSize, Duration connectTimeout) {

  /** The embedded default: an H2 file database under ./data. */
  public static final String DEFAULT_URL = "jdbc:h2:file:./data/agent";

  public DatabaseSettings {
    if (url == null || url.isBlank()) {
      throw new IllegalArgumentException("AGENT_DATABASE_URL must not be empty");
    }
    Dialect.forUrl(url);
    if (poolSize < 2) {
      throw new IllegalArgumentException(
          "AGENT_DATABASE_POOL_SIZE must be at least 2, got " + poolSize);
    }
  }

  /** Returns the URL with any password parameter masked, for logs. */
  public String redactedUrl() {
    return url.replaceAll("(?i)(password=)[^&;]*", "$1***");
  }

  @Override
  public String toString() {
    return "DatabaseSettings[url=" + redactedUrl() + ", user=" + user + ", poolSize=" + poolSize
        + "]";
  }
}
