package org.arxiv.submission.agent.stream.kinesis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class KinesisBackoffTest {

  private final Backoff backoff = new Backoff(Duration.ofMillis(200), Duration.ofSeconds(10));

  @Test
  void ceilingDoublesUntilCap() {
    assertThat(backoff.ceiling(0)).isEqualTo(Duration.ofMillis(200));
    assertThat(backoff.ceiling(1)).isEqualTo(Duration.ofMillis(400));
    assertThat(backoff.ceiling(5)).isEqualTo(Duration.ofMillis(6400));
    assertThat(backoff.ceiling(6)).isEqualTo(Duration.ofSeconds(10));
    assertThat(backoff.ceiling(1000)).isEqualTo(Duration.ofSeconds(10));
  }

  @Test
  void delayStaysWithinCeiling() {
    SplittableRandom random = new SplittableRandom(7);
    for (int retry = 0; retry < 12; retry++) {
      for (int draw = 0; draw < 200; draw++) {
        Duration delay = backoff.delay(retry, random);
        assertThat(delay).isBetween(Duration.ZERO, backoff.ceiling(retry));
      }
    }
  }

  @Test
  void delaySpreadsOverRange() {
    SplittableRandom random = new SplittableRandom(11);
    long below = 0;
    for (int draw = 0; draw < 1000; draw++) {
      if (backoff.delay(3, random).compareTo(Duration.ofMillis(800)) < 0) {
        below++;
      }
    }
    // Full jitter draws uniformly from [0, 1600 ms], so about half fall below 800 ms.
    assertThat(below).isBetween(400L, 600L);
  }

  @Test
  void maxBelowBaseIsRejected() {
    assertThatThrownBy(() -> new Backoff(Duration.ofSeconds(1), Duration.ofMillis(10)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("backoff max");
  }
}
