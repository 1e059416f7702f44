package org.arxiv.submission.agent.config;

import java.time.Duration;
import java.util.List;
import java.util.Locale;
import org.arxiv.submission.agent.store.DatabaseSettings;

/**
 * The {@code AGENT_*} settings, parsed and checked in one place so that an invalid value stops
 * a command before it opens the database or starts a worker. Every error is an {@link
 * IllegalArgumentException} that names the setting and the accepted values.
 *
 * @param database {@code AGENT_DATABASE_URL}, {@code AGENT_DATABASE_USER}, {@code
 *     AGENT_DATABASE_PASSWORD}, {@code AGENT_DATABASE_POOL_SIZE} (default 10) and {@code
 *     AGENT_DATABASE_CONNECT_TIMEOUT_MS} (default 5000)
 * @param stream {@code AGENT_STREAM}, default {@code local}
 * @param workerThreads {@code AGENT_WORKER_THREADS}, default 4
 * @param queuePoll {@code AGENT_QUEUE_POLL_MS}: how often workers poll the job queue, default
 *     500 ms
 * @param batchSize {@code AGENT_BATCH_SIZE}: records per read of the local stream, default 500
 * @param idleSleep {@code AGENT_IDLE_SLEEP_MS}: the pause after an empty read of the local
 *     stream, default 500 ms
 * @param lease {@code AGENT_LEASE_SECONDS}: shard lease duration, default 30 s
 * @param maxHandleAttempts {@code AGENT_MAX_HANDLE_ATTEMPTS}: attempts at a failing record
 *     before it is quarantined, default 3
 * @param instanceName {@code AGENT_INSTANCE_NAME}, or null to use the host name and a random
 *     suffix
 * @param metricsPort {@code AGENT_METRICS_PORT}, or null (the default) to serve no metrics. 0
 *     picks a free port.
 * @param metricsHost {@code AGENT_METRICS_HOST}, default {@code 127.0.0.1}
 * @param logLevel {@code AGENT_LOG_LEVEL} in upper case, one of {@link #LOG_LEVELS}; default
 *     {@code INFO}
 */
public record AgentSettings(
    DatabaseSettings database,
    StreamType stream,
    int workerThreads,
    Duration queuePoll,
    int batchSize,
    Duration idleSleep,
    Duration lease,
    int maxHandleAttempts,
    String instanceName,
    Integer metricsPort,
    String metricsHost,
    String logLevel) {

  /** The levels {@code AGENT_LOG_LEVEL} accepts, in any case. */
  public static final List<String> LOG_LEVELS =
      List.of("TRACE", "DEBUG", "INFO", "WARN", "ERROR", "OFF");

  /** The keys this record reads. */
  public static final List<String> KEYS = List.of(
      "AGENT_DATABASE_URL", "AGENT_DATABASE_USER", "AGENT_DATABASE_PASSWORD",
      "AGENT_DATABASE_POOL_SIZE", "AGENT_DATABASE_CONNECT_TIMEOUT_MS", "AGENT_STREAM",
      "AGENT_WORKER_THREADS", "AGENT_QUEUE_POLL_MS", "AGENT_BATCH_SIZE", "AGENT_IDLE_SLEEP_MS",
      "AGENT_LEASE_SECONDS", "AGENT_MAX_HANDLE_ATTEMPTS", "AGENT_INSTANCE_NAME",
      "AGENT_METRICS_PORT", "AGENT_METRICS_HOST", "AGENT_LOG_LEVEL");

  /** The largest local-stream batch, the limit that the stream consumer accepts. */
  public static final int MAX_BATCH_SIZE = 10_000;

  /** The event stream's store: a table of the agent database, or Kinesis. */
  public enum StreamType { LOCAL, KINESIS }

  private static final long HOUR_MILLIS = Duration.ofHours(1).toMillis();

  /**
   * Reads and checks every {@code AGENT_*} setting.
   *
   * @throws IllegalArgumentException naming the first setting whose value is invalid
   */
  public static AgentSettings from(Settings settings) {
    SettingValues values = new SettingValues(settings.lookup());
    return new AgentSettings(
        database(values),
        streamType(values),
        values.integer("AGENT_WORKER_THREADS", 4, 0, Integer.MAX_VALUE),
        values.millis("AGENT_QUEUE_POLL_MS", 500, HOUR_MILLIS),
        values.integer("AGENT_BATCH_SIZE", 500, 1, MAX_BATCH_SIZE),
        values.millis("AGENT_IDLE_SLEEP_MS", 500, Duration.ofMinutes(10).toMillis()),
        Duration.ofSeconds(values.integer("AGENT_LEASE_SECONDS", 30, 3, Integer.MAX_VALUE)),
        values.integer("AGENT_MAX_HANDLE_ATTEMPTS", 3, 1, Integer.MAX_VALUE),
        values.optional("AGENT_INSTANCE_NAME"),
        metricsPort(values),
        values.string("AGENT_METRICS_HOST", "127.0.0.1"),
        logLevel(values));
  }

  /**
   * Checks {@code AGENT_LOG_LEVEL} alone, for commands that read no other agent setting.
   *
   * @return the level in upper case
   */
  public static String logLevel(Settings settings) {
    return logLevel(new SettingValues(settings.lookup()));
  }

  private static DatabaseSettings database(SettingValues values) {
    // HikariCP 6.3 rejects a connection timeout below 250 ms with a message that names no
    // setting.
    return new DatabaseSettings(
        values.string("AGENT_DATABASE_URL", DatabaseSettings.DEFAULT_URL),
        values.optional("AGENT_DATABASE_USER"),
        values.optional("AGENT_DATABASE_PASSWORD"),
        values.integer("AGENT_DATABASE_POOL_SIZE", 10, 2, Integer.MAX_VALUE),
        values.millis("AGENT_DATABASE_CONNECT_TIMEOUT_MS", 5000, 250, HOUR_MILLIS));
  }

  private static StreamType streamType(SettingValues values) {
    String value = values.string("AGENT_STREAM", "local");
    return switch (value) {
      case "local" -> StreamType.LOCAL;
      case "kinesis" -> StreamType.KINESIS;
      default -> throw SettingValues.invalid("AGENT_STREAM", value, "expected local or kinesis");
    };
  }

  private static Integer metricsPort(SettingValues values) {
    if (values.optional("AGENT_METRICS_PORT") == null) {
      return null;
    }
    return values.integer("AGENT_METRICS_PORT", 0, 0, 65_535);
  }

  private static String logLevel(SettingValues values) {
    String value = values.string("AGENT_LOG_LEVEL", "INFO");
    String level = value.toUpperCase(Locale.ROOT);
    if (!LOG_LEVELS.contains(level)) {
      throw SettingValues.invalid("AGENT_LOG_LEVEL", value,
          "expected one of " + String.join(", ", LOG_LEVELS));
    }
    return level;
  }
}
