package org.arxiv.submission.agent;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.UUID;
import org.arxiv.submission.agent.store.DatabaseSettings;

/**
 * Fresh, empty agent databases for tests: an H2 file in a temporary folder, or a new database
 * on the MariaDB and PostgreSQL servers on 127.0.0.1 (URLs from the system properties
 * {@code test.mariadb.url} and {@code test.postgresql.url}). Each call makes a new one, so
 * tests never see each other's rows.
 */
public final class TestDatabases {

  /** The kinds of database the agent supports. */
  public enum Kind { H2, MARIADB, POSTGRESQL }

  private TestDatabases() {}

  public static DatabaseSettings create(Kind kind) {
    return switch (kind) {
      case H2 -> h2();
      case MARIADB -> server(property("test.mariadb.url", "jdbc:mariadb://127.0.0.1:3306/test"),
          "root");
      case POSTGRESQL -> server(
          property("test.postgresql.url", "jdbc:postgresql://127.0.0.1:5432/test"), "postgres");
    };
  }

  private static DatabaseSettings h2() {
    try {
      Path folder = Files.createTempDirectory("agent-h2-");
      return settings("jdbc:h2:file:" + folder.resolve("agent").toAbsolutePath(), null);
    } catch (java.io.IOException e) {
      throw new IllegalStateException("cannot create a temporary folder for H2", e);
    }
  }

  private static DatabaseSettings server(String adminUrl, String user) {
    String name = "agent_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
    try (Connection connection = DriverManager.getConnection(adminUrl, user, null);
        Statement statement = connection.createStatement()) {
      statement.execute("CREATE DATABASE " + name);
    } catch (SQLException e) {
      throw new IllegalStateException("cannot create test database on " + adminUrl
          + "; is the server running on 127.0.0.1? " + e.getMessage(), e);
    }
    int slash = adminUrl.lastIndexOf('/');
    return settings(adminUrl.substring(0, slash + 1) + name, user);
  }

  private static DatabaseSettings settings(String url, String user) {
    return new DatabaseSettings(url, user, null, 10, Duration.ofSeconds(5));
  }

  private static String property(String key, String fallback) {
    String value = System.getProperty(key);
    return value == null || value.isBlank() ? fallback : value;
  }
}
