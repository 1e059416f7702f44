package org.arxiv.submission.agent.process;

import java.time.Duration;

/** The retry policies that the processes' steps use. */
public final class RetryPolicies {

  /**
   * Cap on the wait between retries of a step without a retry limit. The original let these
   * waits grow without bound (the confirmation e-mail waited about 44 hours before its tenth
   * retry); 10 minutes keeps a recovered service in use soon after it comes back.
   */
  public static final Duration UNLIMITED_MAX_DELAY = Duration.ofMinutes(10);

  private RetryPolicies() {}

  /** Returns the default: 3 retries after 2 s, 4 s and 8 s. */
  public static RetryPolicy standard() {
    return RetryPolicy.DEFAULT;
  }

  /** Returns a policy without a retry limit whose waits stop growing at 10 minutes. */
  public static RetryPolicy unlimited(double delaySeconds, double backoff) {
    return RetryPolicy.of(null, delaySeconds, backoff).withMaxDelay(UNLIMITED_MAX_DELAY);
  }
}
