package org.arxiv.submission.agent.process;

import java.time.Duration;
import java.util.Objects;
import java.util.random.RandomGenerator;

/**
 * When a step that failed transiently runs again. The n-th retry (n = 0 for the first) waits
 * {@code delay * backoff^n}, capped by {@code maxDelay}, plus a jitter drawn uniformly from
 * {@code [jitterMin, jitterMax]}.
 *
 * @param maxRetries retries after the first attempt; null means no limit
 * @param delay base delay before the first retry
 * @param backoff factor applied for each further retry
 * @param maxDelay cap on the delay before jitter; null means no cap
 * @param jitterMin lower bound of the random extra delay
 * @param jitterMax upper bound of the random extra delay
 */
public record RetryPolicy(
    Integer maxRetries,
    Duration delay,
    double backoff,
    Duration maxDelay,
    Duration jitterMin,
    Duration jitterMax) {

  /** The original's default step settings: 3 retries, 2 s, doubling, no cap, no jitter. */
  public static final RetryPolicy DEFAULT = of(3, 2, 2);

  public RetryPolicy {
    Objects.requireNonNull(delay, "delay");
    Objects.requireNonNull(jitterMin, "jitterMin");
    Objects.requireNonNull(jitterMax, "jitterMax");
    if (maxRetries != null && maxRetries < 0) {
      throw new IllegalArgumentException("maxRetries must be >= 0 or null, got " + maxRetries);
    }
    if (backoff < 1) {
      throw new IllegalArgumentException("backoff must be >= 1, got " + backoff);
    }
    if (jitterMax.compareTo(jitterMin) < 0) {
      throw new IllegalArgumentException(
          "jitter range is empty: [" + jitterMin + ", " + jitterMax + "]");
    }
  }

  /** Returns a policy without cap or jitter; {@code maxRetries} null means no limit. */
  public static RetryPolicy of(Integer maxRetries, double delaySeconds, double backoff) {
    return new RetryPolicy(maxRetries, seconds(delaySeconds), backoff, null, Duration.ZERO,
        Duration.ZERO);
  }

  public RetryPolicy withMaxDelay(Duration cap) {
    return new RetryPolicy(maxRetries, delay, backoff, cap, jitterMin, jitterMax);
  }

  public RetryPolicy withJitter(double minSeconds, double maxSeconds) {
    return new RetryPolicy(maxRetries, delay, backoff, maxDelay, seconds(minSeconds),
        seconds(maxSeconds));
  }

  /** Returns whether another retry is allowed after {@code retriesDone} retries. */
  public boolean allowsRetry(int retriesDone) {
    return maxRetries == null || retriesDone < maxRetries;
  }

  /** Returns the wait before retry number {@code n} (0 for the first retry), without jitter. */
  public Duration baseDelay(int n) {
    double nanos = delay.toNanos() * Math.pow(backoff, n);
    Duration base = nanos >= Long.MAX_VALUE ? Duration.ofNanos(Long.MAX_VALUE)
        : Duration.ofNanos((long) nanos);
    if (maxDelay != null && base.compareTo(maxDelay) > 0) {
      return maxDelay;
    }
    return base;
  }

  /** Returns the wait before retry number {@code n}, with jitter drawn from {@code random}. */
  public Duration delayBeforeRetry(int n, RandomGenerator random) {
    long spread = jitterMax.toNanos() - jitterMin.toNanos();
    long jitter = jitterMin.toNanos() + (spread == 0 ? 0 : random.nextLong(spread + 1));
    return baseDelay(n).plusNanos(jitter);
  }

  private static Duration seconds(double seconds) {
    return Duration.ofNanos(Math.round(seconds * 1_000_000_000d));
  }
}
