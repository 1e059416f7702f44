package org.arxiv.submission.agent.stream.kinesis;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.function.Function;
import org.arxiv.submission.agent.config.SettingValues;
import org.arxiv.submission.agent.stream.StartPosition;

/**
 * Settings of the Kinesis stream, read from environment variables of the same names as the
 * original consumer's. A blank variable counts as unset. Validation fails with an {@link
 * IllegalArgumentException} that names the setting.
 *
 * @param streamName {@code KINESIS_STREAM}, default {@code SubmissionEvents}
 * @param shardId {@code KINESIS_SHARD_ID}, or null (the default) to read every shard. A bare
 *     number such as {@code 0}, the original's default, becomes {@code shardId-000000000000}.
 * @param startType {@code KINESIS_START_TYPE}: where a shard without a checkpoint starts,
 *     default {@code TRIM_HORIZON}
 * @param startAt {@code KINESIS_START_AT} as {@code yyyy-MM-ddTHH:mm:ss} in UTC. It is used only
 *     with {@code AT_TIMESTAMP}, and when unset with that type it is the time the settings were
 *     read. Null for the other start types when unset.
 * @param endpoint {@code KINESIS_ENDPOINT}, or null for the AWS endpoint of the region
 * @param verifyTls {@code KINESIS_VERIFY}: true, false, 1, 0, yes or no; default true
 * @param region {@code AWS_REGION}, default {@code us-east-1}
 * @param credentials {@code AWS_ACCESS_KEY_ID}, {@code AWS_SECRET_ACCESS_KEY} and {@code
 *     AWS_PROFILE}
 * @param createStream {@code KINESIS_CREATE_STREAM}: create the stream when it is missing,
 *     default false
 * @param createShards {@code KINESIS_CREATE_SHARDS}: shard count of a created stream, default 1
 * @param batchSize {@code KINESIS_BATCH_SIZE}: the GetRecords limit, 1 to 10000, default 1000
 * @param idleSleep {@code KINESIS_IDLE_SLEEP_MS}: the pause before polling a shard again after
 *     an empty read at the tip, default 1000 ms
 * @param timeouts the network and call timeouts
 * @param backoff {@code KINESIS_BACKOFF_BASE_MS} (default 200) and {@code
 *     KINESIS_BACKOFF_MAX_MS} (default 10000): the retry backoff for throttling and network
 *     errors. The original's {@code KINESIS_RETRY_*} variables are not read, because retries
 *     now continue until the reader is closed.
 */
public record KinesisSettings(
    String streamName,
    String shardId,
    StartType startType,
    Instant startAt,
    URI endpoint,
    boolean verifyTls,
    String region,
    Credentials credentials,
    boolean createStream,
    int createShards,
    int batchSize,
    Duration idleSleep,
    Timeouts timeouts,
    Backoff backoff) {

  /** The keys that the Kinesis stream reads, {@code AWS_SESSION_TOKEN} with the static keys. */
  public static final List<String> KEYS = List.of(
      "KINESIS_STREAM", "KINESIS_SHARD_ID", "KINESIS_START_TYPE", "KINESIS_START_AT",
      "KINESIS_ENDPOINT", "KINESIS_VERIFY", "AWS_REGION", "AWS_ACCESS_KEY_ID",
      "AWS_SECRET_ACCESS_KEY", "AWS_SESSION_TOKEN", "AWS_PROFILE", "KINESIS_CREATE_STREAM",
      "KINESIS_CREATE_SHARDS", "KINESIS_BATCH_SIZE", "KINESIS_IDLE_SLEEP_MS",
      "KINESIS_CONNECT_TIMEOUT_MS", "KINESIS_READ_TIMEOUT_MS", "KINESIS_CALL_ATTEMPT_TIMEOUT_MS",
      "KINESIS_CALL_TIMEOUT_MS", "KINESIS_STREAM_WAIT_MS", "KINESIS_BACKOFF_BASE_MS",
      "KINESIS_BACKOFF_MAX_MS");

  /** The GetRecords limit that Kinesis accepts at most. */
  public static final int MAX_BATCH_SIZE = 10_000;

  /** The start point of a shard that has no checkpoint. */
  public enum StartType { TRIM_HORIZON, LATEST, AT_TIMESTAMP }

  /**
   * Static AWS keys, a profile name, or neither (then the SDK's default chain applies). The
   * keys take precedence over the profile. {@link #toString()} never shows the secret key.
   *
   * @param accessKeyId {@code AWS_ACCESS_KEY_ID}, or null
   * @param secretAccessKey {@code AWS_SECRET_ACCESS_KEY}, or null; set exactly when the key id is
   * @param profile {@code AWS_PROFILE}, or null
   */
  public record Credentials(String accessKeyId, String secretAccessKey, String profile) {

    public Credentials {
      if ((accessKeyId == null) != (secretAccessKey == null)) {
        String missing = accessKeyId == null ? "AWS_ACCESS_KEY_ID" : "AWS_SECRET_ACCESS_KEY";
        throw new IllegalArgumentException("missing " + missing
            + ": set both AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY, or neither");
      }
    }

    /** Returns true when both static keys are set. */
    public boolean hasStaticKeys() {
      return accessKeyId != null;
    }

    @Override
    public String toString() {
      return "Credentials[accessKeyId=" + accessKeyId
          + ", secretAccessKey=" + (secretAccessKey == null ? "null" : "(hidden)")
          + ", profile=" + profile + "]";
    }
  }

  /**
   * Timeouts of the Kinesis client. Every call is bounded by {@code call}, including the SDK's
   * own retries.
   *
   * @param connect {@code KINESIS_CONNECT_TIMEOUT_MS}: TCP connect, default 2000 ms
   * @param read {@code KINESIS_READ_TIMEOUT_MS}: socket read, default 30000 ms
   * @param callAttempt {@code KINESIS_CALL_ATTEMPT_TIMEOUT_MS}: one HTTP attempt, default 30000
   *     ms
   * @param call {@code KINESIS_CALL_TIMEOUT_MS}: one API call with its retries, default 90000 ms
   * @param streamWait {@code KINESIS_STREAM_WAIT_MS}: how long to wait for a stream to become
   *     ACTIVE, default 120000 ms
   */
  public record Timeouts(
      Duration connect, Duration read, Duration callAttempt, Duration call, Duration streamWait) {

    public Timeouts {
      Objects.requireNonNull(connect, "connect");
      Objects.requireNonNull(read, "read");
      Objects.requireNonNull(callAttempt, "callAttempt");
      Objects.requireNonNull(call, "call");
      Objects.requireNonNull(streamWait, "streamWait");
      if (call.compareTo(callAttempt) < 0) {
        throw new IllegalArgumentException("KINESIS_CALL_TIMEOUT_MS (" + call.toMillis()
            + ") must be at least KINESIS_CALL_ATTEMPT_TIMEOUT_MS (" + callAttempt.toMillis()
            + ")");
      }
    }
  }

  public KinesisSettings {
    Objects.requireNonNull(streamName, "streamName");
    Objects.requireNonNull(startType, "startType");
    Objects.requireNonNull(region, "region");
    Objects.requireNonNull(credentials, "credentials");
    Objects.requireNonNull(idleSleep, "idleSleep");
    Objects.requireNonNull(timeouts, "timeouts");
    Objects.requireNonNull(backoff, "backoff");
    if (startType == StartType.AT_TIMESTAMP && startAt == null) {
      throw new IllegalArgumentException("KINESIS_START_AT is required with AT_TIMESTAMP");
    }
    if (createShards < 1) {
      throw new IllegalArgumentException("KINESIS_CREATE_SHARDS must be >= 1, got " + createShards);
    }
    if (batchSize < 1 || batchSize > MAX_BATCH_SIZE) {
      throw new IllegalArgumentException(
          "KINESIS_BATCH_SIZE must be from 1 to " + MAX_BATCH_SIZE + ", got " + batchSize);
    }
  }

  /** Reads the settings from the process environment, with the start time in UTC now. */
  public static KinesisSettings fromEnvironment() {
    return fromLookup(System::getenv, Clock.systemUTC());
  }

  /**
   * Reads the settings from {@code lookup} (a variable name to its value, or null). The clock
   * supplies the start time for {@code AT_TIMESTAMP} without {@code KINESIS_START_AT}.
   */
  public static KinesisSettings fromLookup(Function<String, String> lookup, Clock clock) {
    SettingValues values = new SettingValues(lookup);
    StartType startType = startType(values);
    Instant startAt = values.utcTime("KINESIS_START_AT");
    if (startAt == null && startType == StartType.AT_TIMESTAMP) {
      startAt = clock.instant();
    }
    return new KinesisSettings(
        values.string("KINESIS_STREAM", "SubmissionEvents"),
        shardId(values.optional("KINESIS_SHARD_ID")),
        startType,
        startAt,
        values.httpUri("KINESIS_ENDPOINT"),
        values.bool("KINESIS_VERIFY", true),
        values.string("AWS_REGION", "us-east-1"),
        credentials(values),
        values.bool("KINESIS_CREATE_STREAM", false),
        values.integer("KINESIS_CREATE_SHARDS", 1, 1, Integer.MAX_VALUE),
        values.integer("KINESIS_BATCH_SIZE", 1000, 1, MAX_BATCH_SIZE),
        values.millis("KINESIS_IDLE_SLEEP_MS", 1000, Duration.ofMinutes(10).toMillis()),
        timeouts(values),
        backoff(values));
  }

  /**
   * Returns where a shard without a checkpoint starts. A stored checkpoint always takes
   * precedence, as {@link StartPosition.AfterSequenceNumber}.
   */
  public StartPosition initialPosition() {
    return switch (startType) {
      case TRIM_HORIZON -> new StartPosition.TrimHorizon();
      case LATEST -> new StartPosition.Latest();
      case AT_TIMESTAMP -> new StartPosition.AtTimestamp(startAt);
    };
  }

  private static StartType startType(SettingValues values) {
    String value = values.string("KINESIS_START_TYPE", StartType.TRIM_HORIZON.name());
    try {
      return StartType.valueOf(value.toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw SettingValues.invalid("KINESIS_START_TYPE", value,
          "expected TRIM_HORIZON, LATEST or AT_TIMESTAMP");
    }
  }

  // Kinesis shard ids are "shardId-" and 12 digits; the original configured a bare "0".
  private static String shardId(String value) {
    if (value == null || !value.chars().allMatch(Character::isDigit)) {
      return value;
    }
    if (value.length() > 12) {
      throw SettingValues.invalid("KINESIS_SHARD_ID", value,
          "expected a shard id such as shardId-000000000000, or its number");
    }
    return String.format(Locale.ROOT, "shardId-%012d", Long.parseLong(value));
  }

  private static Credentials credentials(SettingValues values) {
    return new Credentials(values.optional("AWS_ACCESS_KEY_ID"),
        values.optional("AWS_SECRET_ACCESS_KEY"), values.optional("AWS_PROFILE"));
  }

  private static Timeouts timeouts(SettingValues values) {
    long hour = Duration.ofHours(1).toMillis();
    return new Timeouts(
        values.millis("KINESIS_CONNECT_TIMEOUT_MS", 2_000, hour),
        values.millis("KINESIS_READ_TIMEOUT_MS", 30_000, hour),
        values.millis("KINESIS_CALL_ATTEMPT_TIMEOUT_MS", 30_000, hour),
        values.millis("KINESIS_CALL_TIMEOUT_MS", 90_000, hour),
        values.millis("KINESIS_STREAM_WAIT_MS", 120_000, hour));
  }

  private static Backoff backoff(SettingValues values) {
    long hour = Duration.ofHours(1).toMillis();
    Duration base = values.millis("KINESIS_BACKOFF_BASE_MS", 200, hour);
    Duration max = values.millis("KINESIS_BACKOFF_MAX_MS", 10_000, hour);
    if (max.compareTo(base) < 0) {
      throw new IllegalArgumentException("KINESIS_BACKOFF_MAX_MS (" + max.toMillis()
          + ") must be at least KINESIS_BACKOFF_BASE_MS (" + base.toMillis() + ")");
    }
    return new Backoff(base, max);
  }
}
