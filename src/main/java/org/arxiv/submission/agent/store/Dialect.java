package org.arxiv.submission.agent.store;

/** The SQL differences between the supported databases. */
public enum Dialect {
  H2("h2"),
  MARIADB("mariadb"),
  POSTGRESQL("postgresql");

  private final String migrationFolder;

  Dialect(String migrationFolder) {
    this.migrationFolder = migrationFolder;
  }

  /**
   * Returns the dialect for a JDBC URL.
   *
   * @throws IllegalArgumentException naming the URL scheme when no supported database has it
   */
  public static Dialect forUrl(String jdbcUrl) {
    if (jdbcUrl.startsWith("jdbc:h2:")) {
      return H2;
    }
    if (jdbcUrl.startsWith("jdbc:mariadb:") || jdbcUrl.startsWith("jdbc:mysql:")) {
      return MARIADB;
    }
    if (jdbcUrl.startsWith("jdbc:postgresql:")) {
      return POSTGRESQL;
    }
    int schemeEnd = jdbcUrl.indexOf(':', 5);
    String scheme = schemeEnd > 0 ? jdbcUrl.substring(0, schemeEnd) : jdbcUrl;
    throw new IllegalArgumentException("unsupported AGENT_DATABASE_URL scheme \"" + scheme
        + "\"; use jdbc:h2:, jdbc:mariadb:, jdbc:mysql: or jdbc:postgresql:");
  }

  /**
   * Returns the URL with the options the agent relies on added where the URL leaves them out.
   * An H2 file database writes each commit to its file ({@code WRITE_DELAY=0}); H2's default
   * keeps commits in memory for up to 500 ms, so a killed agent would lose transactions whose
   * records it had already put on Kinesis. MariaDB Connector/J accepts a {@code jdbc:mysql:}
   * URL only with {@code permitMysqlScheme}.
   */
  public static String completeUrl(String jdbcUrl) {
    if (jdbcUrl.startsWith("jdbc:h2:") && !jdbcUrl.startsWith("jdbc:h2:mem:")
        && !jdbcUrl.toUpperCase(java.util.Locale.ROOT).contains("WRITE_DELAY")) {
      return jdbcUrl + ";WRITE_DELAY=0";
    }
    if (jdbcUrl.startsWith("jdbc:mysql:") && !jdbcUrl.contains("permitMysqlScheme")) {
      return jdbcUrl + (jdbcUrl.contains("?") ? "&" : "?") + "permitMysqlScheme";
    }
    return jdbcUrl;
  }

  /** Returns the Flyway location of this database's migrations. */
  public String migrationLocation() {
    return "classpath:db/migration/" + migrationFolder;
  }

  /**
   * Returns an INSERT that does nothing when a row with the same key exists, or null where the
   * database has no such statement and the caller must catch the duplicate-key error.
   */
  String insertIgnoringDuplicates(String table, String columns, String placeholders) {
    return switch (this) {
      case POSTGRESQL -> "INSERT INTO " + table + " (" + columns + ") VALUES (" + placeholders
          + ") ON CONFLICT DO NOTHING";
      case MARIADB -> "INSERT IGNORE INTO " + table + " (" + columns + ") VALUES ("
          + placeholders + ")";
      case H2 -> null;
    };
  }
}
