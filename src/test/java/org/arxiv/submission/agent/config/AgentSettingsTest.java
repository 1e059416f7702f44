package org.arxiv.submission.agent.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class AgentSettingsTest {

  private static AgentSettings withSetting(String key, String value) {
    return AgentSettings.from(Settings.of(Map.of(key, value)));
  }

  @Test
  void defaultsWhenUnset() {
    AgentSettings settings = AgentSettings.from(Settings.of(Map.of()));

    assertThat(settings.database().url()).isEqualTo("jdbc:h2:file:./data/agent");
    assertThat(settings.database().poolSize()).isEqualTo(10);
    assertThat(settings.database().connectTimeout()).isEqualTo(Duration.ofMillis(5000));
    assertThat(settings.stream()).isEqualTo(AgentSettings.StreamType.LOCAL);
    assertThat(settings.workerThreads()).isEqualTo(4);
    assertThat(settings.queuePoll()).isEqualTo(Duration.ofMillis(500));
    assertThat(settings.batchSize()).isEqualTo(500);
    assertThat(settings.idleSleep()).isEqualTo(Duration.ofMillis(500));
    assertThat(settings.lease()).isEqualTo(Duration.ofSeconds(30));
    assertThat(settings.maxHandleAttempts()).isEqualTo(3);
    assertThat(settings.instanceName()).isNull();
    assertThat(settings.metricsPort()).isNull();
    assertThat(settings.metricsHost()).isEqualTo("127.0.0.1");
    assertThat(settings.logLevel()).isEqualTo("INFO");
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "AGENT_LEASE_SECONDS|-5|expected a whole number from 3 to 2147483647",
      "AGENT_LEASE_SECONDS|2|expected a whole number from 3 to 2147483647",
      "AGENT_BATCH_SIZE|abc|expected a whole number from 1 to 10000",
      "AGENT_BATCH_SIZE|10001|expected a whole number from 1 to 10000",
      "AGENT_MAX_HANDLE_ATTEMPTS|0|expected a whole number from 1 to 2147483647",
      "AGENT_WORKER_THREADS|-1|expected a whole number from 0 to 2147483647",
      "AGENT_QUEUE_POLL_MS|0|expected milliseconds from 1 to 3600000",
      "AGENT_IDLE_SLEEP_MS|-1|expected milliseconds from 1 to 600000",
      "AGENT_METRICS_PORT|99999|expected a whole number from 0 to 65535",
      "AGENT_METRICS_PORT|-1|expected a whole number from 0 to 65535",
      "AGENT_DATABASE_CONNECT_TIMEOUT_MS|-1|expected milliseconds from 250 to 3600000",
      "AGENT_DATABASE_CONNECT_TIMEOUT_MS|249|expected milliseconds from 250 to 3600000",
      "AGENT_DATABASE_POOL_SIZE|1|expected a whole number from 2 to 2147483647",
      "AGENT_STREAM|Kinesis|expected local or kinesis",
      "AGENT_LOG_LEVEL|LOUD|expected one of TRACE, DEBUG, INFO, WARN, ERROR, OFF"})
  void invalidValueNamesSettingAndRange(String key, String value, String expected) {
    assertThatThrownBy(() -> withSetting(key, value))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("invalid " + key + " \"" + value + "\": " + expected);
  }

  @ParameterizedTest
  @CsvSource({"trace,TRACE", "Debug,DEBUG", "warn,WARN", "ERROR,ERROR", "off,OFF"})
  void logLevelIgnoresCase(String value, String level) {
    assertThat(withSetting("AGENT_LOG_LEVEL", value).logLevel()).isEqualTo(level);
    assertThat(AgentSettings.logLevel(Settings.of(Map.of("AGENT_LOG_LEVEL", value))))
        .isEqualTo(level);
  }

  @Test
  void rangeLimitsAreAccepted() {
    assertThat(withSetting("AGENT_METRICS_PORT", "0").metricsPort()).isZero();
    assertThat(withSetting("AGENT_METRICS_PORT", "65535").metricsPort()).isEqualTo(65_535);
    assertThat(withSetting("AGENT_DATABASE_CONNECT_TIMEOUT_MS", "250").database()
        .connectTimeout()).isEqualTo(Duration.ofMillis(250));
    assertThat(withSetting("AGENT_WORKER_THREADS", "0").workerThreads()).isZero();
    assertThat(withSetting("AGENT_LEASE_SECONDS", "3").lease()).isEqualTo(Duration.ofSeconds(3));
  }
}
