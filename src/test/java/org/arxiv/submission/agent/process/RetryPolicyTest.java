package org.arxiv.submission.agent.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.SplittableRandom;
import java.util.random.RandomGenerator;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class RetryPolicyTest {

  /** A generator whose bounded draws are always the lowest or always the highest value. */
  private static RandomGenerator extreme(boolean highest) {
    return new RandomGenerator() {
      @Override
      public long nextLong() {
        throw new UnsupportedOperationException("only bounded draws are expected");
      }

      @Override
      public long nextLong(long bound) {
        return highest ? bound - 1 : 0;
      }
    };
  }

  private static long[] baseSeconds(RetryPolicy policy, int count) {
    return IntStream.range(0, count).mapToLong(n -> policy.baseDelay(n).toSeconds()).toArray();
  }

  @Test
  void defaultDoublesFromTwoSeconds() {
    assertThat(baseSeconds(RetryPolicy.DEFAULT, 4)).containsExactly(2, 4, 8, 16);
  }

  @Test
  void defaultAllowsThreeRetries() {
    assertThat(RetryPolicy.DEFAULT.allowsRetry(0)).isTrue();
    assertThat(RetryPolicy.DEFAULT.allowsRetry(2)).isTrue();
    assertThat(RetryPolicy.DEFAULT.allowsRetry(3)).isFalse();
  }

  @Test
  void unlimitedAlwaysAllowsRetry() {
    RetryPolicy policy = RetryPolicies.unlimited(2, 2);

    assertThat(policy.maxRetries()).isNull();
    assertThat(policy.allowsRetry(0)).isTrue();
    assertThat(policy.allowsRetry(1_000_000)).isTrue();
  }

  @Test
  void zeroRetriesAllowsNone() {
    assertThat(RetryPolicy.of(0, 2, 2).allowsRetry(0)).isFalse();
  }

  @Test
  void capStopsGrowth() {
    RetryPolicy policy = RetryPolicies.unlimited(2, 2);

    assertThat(baseSeconds(policy, 11)).containsExactly(2, 4, 8, 16, 32, 64, 128, 256, 512,
        600, 600);
    assertThat(policy.baseDelay(10_000)).isEqualTo(Duration.ofMinutes(10));
  }

  @Test
  void emailBackoffMultipliesByFour() {
    assertThat(baseSeconds(RetryPolicies.unlimited(2, 4), 7))
        .containsExactly(2, 8, 32, 128, 512, 600, 600);
  }

  @Test
  void uncappedDelaySaturatesInsteadOfOverflowing() {
    assertThat(RetryPolicy.of(null, 2, 2).baseDelay(10_000))
        .isEqualTo(Duration.ofNanos(Long.MAX_VALUE));
  }

  @Test
  void fractionalBackoffIsExact() {
    assertThat(RetryPolicy.of(3, 1, 1.5).baseDelay(2)).isEqualTo(Duration.ofMillis(2250));
  }

  @Test
  void jitterSpansItsBounds() {
    RetryPolicy poll = RetryPolicies.unlimited(1, 1).withJitter(0, 1);

    assertThat(poll.delayBeforeRetry(5, extreme(false))).isEqualTo(Duration.ofSeconds(1));
    assertThat(poll.delayBeforeRetry(5, extreme(true))).isEqualTo(Duration.ofSeconds(2));
  }

  @Test
  void jitterStaysWithinBounds() {
    RetryPolicy policy = RetryPolicy.of(3, 2, 2).withJitter(0.5, 1.5);
    SplittableRandom random = new SplittableRandom(42);

    for (int i = 0; i < 1000; i++) {
      Duration delay = policy.delayBeforeRetry(1, random);
      assertThat(delay).isBetween(Duration.ofMillis(4500), Duration.ofMillis(5500));
    }
  }

  @Test
  void noJitterDrawsNothing() {
    assertThat(RetryPolicy.DEFAULT.delayBeforeRetry(1, extreme(true)))
        .isEqualTo(Duration.ofSeconds(4));
  }

  @Test
  void jitterIsAddedAfterCap() {
    RetryPolicy policy = RetryPolicies.unlimited(2, 2).withJitter(0, 1);

    assertThat(policy.delayBeforeRetry(20, extreme(true)))
        .isEqualTo(Duration.ofMinutes(10).plusSeconds(1));
  }

  @Test
  void invalidSettingsAreRejected() {
    assertThatThrownBy(() -> RetryPolicy.of(-1, 2, 2))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("maxRetries");
    assertThatThrownBy(() -> RetryPolicy.of(3, 2, 0.5))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("backoff");
    assertThatThrownBy(() -> RetryPolicy.DEFAULT.withJitter(1, 0))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("jitter");
  }
}
