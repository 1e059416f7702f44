package org.arxiv.submission.agent.stream.kinesis;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.time.Instant;
import org.arxiv.submission.agent.stream.kinesis.KinesisErrors.Kind;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

class KinesisRetryLogTest {

  private final Logger logger = (Logger) LoggerFactory.getLogger("test.kinesis.retries");
  private final ListAppender<ILoggingEvent> appender = new ListAppender<>();
  private final ManualClock clock = new ManualClock(Instant.parse("2026-12-04T10:00:00Z"));
  private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
  private RetryLog retryLog;

  @BeforeEach
  void attachAppender() {
    appender.start();
    logger.addAppender(appender);
    logger.setLevel(Level.INFO);
    retryLog = new RetryLog(logger, meters, clock, "Events", "shardId-000000000001");
  }

  @AfterEach
  void detachAppender() {
    logger.detachAppender(appender);
  }

  private void retry(int number) {
    retryLog.retrying("GetRecords", Kind.THROTTLED, number, Duration.ofMillis(150), "throttled");
  }

  private long warnings() {
    return appender.list.stream().filter(event -> event.getLevel() == Level.WARN).count();
  }

  @Test
  void everyRetryIsCounted() {
    for (int number = 0; number < 5; number++) {
      retry(number);
    }

    double count = meters.get("kinesis.retries")
        .tag("stream", "Events")
        .tag("shard", "shardId-000000000001")
        .tag("operation", "GetRecords")
        .tag("kind", "THROTTLED")
        .counter()
        .count();
    assertThat(count).isEqualTo(5);
  }

  @Test
  void warningsAreRateLimited() {
    for (int number = 0; number < 5; number++) {
      retry(number);
      clock.advance(Duration.ofSeconds(1));
    }
    assertThat(warnings()).isEqualTo(1);

    clock.advance(RetryLog.WARNING_INTERVAL);
    retry(5);

    assertThat(warnings()).isEqualTo(2);
    String last = appender.list.get(appender.list.size() - 1).getFormattedMessage();
    assertThat(last).contains("stream Events shard shardId-000000000001");
    assertThat(last).contains("retry 6 in 150 ms (4 warnings skipped)");
  }

  @Test
  void recoveryIsLoggedOnlyAfterRetries() {
    retryLog.recovered("GetRecords", 0);
    assertThat(appender.list).isEmpty();

    retryLog.recovered("GetRecords", 3);
    assertThat(appender.list).hasSize(1);
    assertThat(appender.list.get(0).getFormattedMessage()).contains("after 3 retries");
  }
}
