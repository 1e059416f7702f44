package org.arxiv.submission.agent.stream.kinesis;

import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;
import java.util.random.RandomGenerator;

/**
 * Capped exponential backoff with full jitter: retry number {@code n} (0 for the first) waits a
 * duration drawn uniformly from {@code [0, min(max, base * 2^n)]}. The random spread keeps many
 * throttled clients from retrying in step.
 *
 * @param base the upper bound of the first wait; must be positive
 * @param max the cap on the upper bound; must be at least {@code base}
 */
public record Backoff(Duration base, Duration max) {

  public Backoff {
    if (base == null || base.compareTo(Duration.ZERO) <= 0) {
      throw new IllegalArgumentException("backoff base must be positive, got " + base);
    }
    if (max == null || max.compareTo(base) < 0) {
      throw new IllegalArgumentException(
          "backoff max must be at least the base " + base + ", got " + max);
    }
  }

  /** Returns the upper bound of the wait before retry number {@code retry}. */
  public Duration ceiling(int retry) {
    if (retry < 0) {
      throw new IllegalArgumentException("retry must be >= 0, got " + retry);
    }
    // Past 2^62 nanoseconds the doubling would overflow, and every real cap is far below it.
    if (retry >= 62 || base.toNanos() > (max.toNanos() >> retry)) {
      return max;
    }
    return base.multipliedBy(1L << retry);
  }

  /** Returns a random wait before retry number {@code retry}. */
  public Duration delay(int retry) {
    return delay(retry, ThreadLocalRandom.current());
  }

  /** Returns a wait before retry number {@code retry}, drawn from {@code random}. */
  public Duration delay(int retry, RandomGenerator random) {
    long ceiling = ceiling(retry).toNanos();
    return Duration.ofNanos(random.nextLong(ceiling + 1));
  }
}
