package org.arxiv.submission.agent.stream.kinesis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Map;
import org.arxiv.submission.agent.stream.StartPosition;
import org.arxiv.submission.agent.stream.kinesis.KinesisSettings.StartType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class KinesisSettingsTest {

  private static final Instant NOW = Instant.parse("2026-12-04T10:15:30.250Z");
  private static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);

  private static KinesisSettings read(Map<String, String> variables) {
    return KinesisSettings.fromLookup(variables::get, CLOCK);
  }

  @Test
  void defaultsMatchDocumentation() {
    KinesisSettings settings = read(Map.of());

    assertThat(settings.streamName()).isEqualTo("SubmissionEvents");
    assertThat(settings.shardId()).isNull();
    assertThat(settings.startType()).isEqualTo(StartType.TRIM_HORIZON);
    assertThat(settings.startAt()).isNull();
    assertThat(settings.endpoint()).isNull();
    assertThat(settings.verifyTls()).isTrue();
    assertThat(settings.region()).isEqualTo("us-east-1");
    assertThat(settings.credentials().hasStaticKeys()).isFalse();
    assertThat(settings.credentials().profile()).isNull();
    assertThat(settings.createStream()).isFalse();
    assertThat(settings.createShards()).isEqualTo(1);
    assertThat(settings.batchSize()).isEqualTo(1000);
    assertThat(settings.idleSleep()).isEqualTo(Duration.ofSeconds(1));
    assertThat(settings.timeouts().connect()).isEqualTo(Duration.ofSeconds(2));
    assertThat(settings.timeouts().read()).isEqualTo(Duration.ofSeconds(30));
    assertThat(settings.timeouts().call()).isEqualTo(Duration.ofSeconds(90));
    assertThat(settings.backoff()).isEqualTo(
        new Backoff(Duration.ofMillis(200), Duration.ofSeconds(10)));
    assertThat(settings.initialPosition()).isEqualTo(new StartPosition.TrimHorizon());
  }

  @Test
  void everyVariableIsRead() {
    Map<String, String> variables = new HashMap<>();
    variables.put("KINESIS_STREAM", "Events");
    variables.put("KINESIS_SHARD_ID", "shardId-000000000003");
    variables.put("KINESIS_START_TYPE", "latest");
    variables.put("KINESIS_ENDPOINT", "http://127.0.0.1:4567");
    variables.put("KINESIS_VERIFY", "no");
    variables.put("AWS_REGION", "eu-west-1");
    variables.put("AWS_PROFILE", "agent");
    variables.put("KINESIS_CREATE_STREAM", "yes");
    variables.put("KINESIS_CREATE_SHARDS", "4");
    variables.put("KINESIS_BATCH_SIZE", "10000");
    variables.put("KINESIS_IDLE_SLEEP_MS", "250");
    variables.put("KINESIS_CALL_TIMEOUT_MS", "40000");
    variables.put("KINESIS_BACKOFF_BASE_MS", "50");
    variables.put("KINESIS_BACKOFF_MAX_MS", "800");

    KinesisSettings settings = read(variables);

    assertThat(settings.streamName()).isEqualTo("Events");
    assertThat(settings.shardId()).isEqualTo("shardId-000000000003");
    assertThat(settings.startType()).isEqualTo(StartType.LATEST);
    assertThat(settings.endpoint()).isEqualTo(URI.create("http://127.0.0.1:4567"));
    assertThat(settings.verifyTls()).isFalse();
    assertThat(settings.region()).isEqualTo("eu-west-1");
    assertThat(settings.credentials().profile()).isEqualTo("agent");
    assertThat(settings.createStream()).isTrue();
    assertThat(settings.createShards()).isEqualTo(4);
    assertThat(settings.batchSize()).isEqualTo(10_000);
    assertThat(settings.idleSleep()).isEqualTo(Duration.ofMillis(250));
    assertThat(settings.timeouts().call()).isEqualTo(Duration.ofSeconds(40));
    assertThat(settings.backoff().base()).isEqualTo(Duration.ofMillis(50));
    assertThat(settings.backoff().max()).isEqualTo(Duration.ofMillis(800));
    assertThat(settings.initialPosition()).isEqualTo(new StartPosition.Latest());
  }

  @ParameterizedTest
  @CsvSource({"true,true", "TRUE,true", "1,true", "yes,true", "' Yes ',true",
      "false,false", "False,false", "0,false", "no,false", "NO,false"})
  void verifyParsesBooleans(String value, boolean expected) {
    assertThat(read(Map.of("KINESIS_VERIFY", value)).verifyTls()).isEqualTo(expected);
  }

  @Test
  void verifyRejectsOtherWords() {
    assertThatThrownBy(() -> read(Map.of("KINESIS_VERIFY", "off")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("KINESIS_VERIFY")
        .hasMessageContaining("\"off\"");
  }

  @Test
  void blankVariableMeansDefault() {
    KinesisSettings settings = read(Map.of("KINESIS_STREAM", " ", "KINESIS_VERIFY", ""));

    assertThat(settings.streamName()).isEqualTo("SubmissionEvents");
    assertThat(settings.verifyTls()).isTrue();
  }

  @Test
  void startAtIsUtc() {
    KinesisSettings settings = read(
        Map.of("KINESIS_START_TYPE", "AT_TIMESTAMP", "KINESIS_START_AT", "2020-03-02T14:01:03"));

    assertThat(settings.startAt()).isEqualTo(Instant.parse("2020-03-02T14:01:03Z"));
    assertThat(settings.initialPosition())
        .isEqualTo(new StartPosition.AtTimestamp(Instant.parse("2020-03-02T14:01:03Z")));
  }

  @Test
  void atTimestampDefaultsToNow() {
    KinesisSettings settings = read(Map.of("KINESIS_START_TYPE", "AT_TIMESTAMP"));

    assertThat(settings.startAt()).isEqualTo(NOW);
  }

  @Test
  void startAtRejectsOtherFormats() {
    assertThatThrownBy(() -> read(Map.of("KINESIS_START_AT", "2020-03-02 14:01")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("KINESIS_START_AT");
  }

  @Test
  void startTypeRejectsUnknown() {
    assertThatThrownBy(() -> read(Map.of("KINESIS_START_TYPE", "AT_SEQUENCE_NUMBER")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("KINESIS_START_TYPE")
        .hasMessageContaining("TRIM_HORIZON, LATEST or AT_TIMESTAMP");
  }

  @Test
  void bareShardNumberBecomesShardId() {
    assertThat(read(Map.of("KINESIS_SHARD_ID", "0")).shardId())
        .isEqualTo("shardId-000000000000");
    assertThat(read(Map.of("KINESIS_SHARD_ID", "12")).shardId())
        .isEqualTo("shardId-000000000012");
  }

  @ParameterizedTest
  @CsvSource({"KINESIS_BATCH_SIZE,0", "KINESIS_BATCH_SIZE,10001", "KINESIS_BATCH_SIZE,many",
      "KINESIS_CREATE_SHARDS,0", "KINESIS_IDLE_SLEEP_MS,-5", "KINESIS_READ_TIMEOUT_MS,0",
      "KINESIS_ENDPOINT,ftp://127.0.0.1", "KINESIS_ENDPOINT,127.0.0.1:4567"})
  void invalidValueNamesSetting(String name, String value) {
    assertThatThrownBy(() -> read(Map.of(name, value)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining(name);
  }

  @Test
  void backoffMaxBelowBaseIsRejected() {
    assertThatThrownBy(() -> read(
        Map.of("KINESIS_BACKOFF_BASE_MS", "500", "KINESIS_BACKOFF_MAX_MS", "100")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("KINESIS_BACKOFF_MAX_MS");
  }

  @Test
  void callTimeoutBelowAttemptIsRejected() {
    assertThatThrownBy(() -> read(Map.of("KINESIS_CALL_TIMEOUT_MS", "1000")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("KINESIS_CALL_TIMEOUT_MS");
  }

  @Test
  void secretWithoutKeyIdIsRejected() {
    assertThatThrownBy(() -> read(Map.of("AWS_SECRET_ACCESS_KEY", "s3cr3t-value")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("missing AWS_ACCESS_KEY_ID")
        .hasMessageNotContaining("s3cr3t-value");
  }

  @Test
  void keyIdWithoutSecretIsRejected() {
    assertThatThrownBy(() -> read(Map.of("AWS_ACCESS_KEY_ID", "AKIDEXAMPLE")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("missing AWS_SECRET_ACCESS_KEY");
  }

  @Test
  void toStringHidesSecret() {
    KinesisSettings settings = read(
        Map.of("AWS_ACCESS_KEY_ID", "AKIDEXAMPLE", "AWS_SECRET_ACCESS_KEY", "s3cr3t-value"));

    assertThat(settings.credentials().hasStaticKeys()).isTrue();
    assertThat(settings.toString()).doesNotContain("s3cr3t-value");
    assertThat(settings.credentials().toString()).doesNotContain("s3cr3t-value");
    assertThat(settings.toString()).contains("AKIDEXAMPLE");
  }
}
