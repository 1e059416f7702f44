package org.arxiv.submission.agent.integration;

import java.time.Duration;
import java.util.function.BooleanSupplier;

/** Waits for conditions under a timeout, polling, so that no test sleeps blindly. */
final class Await {

  private static final Duration POLL = Duration.ofMillis(50);

  private Await() {}

  /**
   * Polls {@code condition} until it holds.
   *
   * @throws AssertionError naming {@code what} when it does not hold within {@code timeout}
   */
  static void until(String what, Duration timeout, BooleanSupplier condition)
      throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("timed out after " + timeout.toSeconds() + " s waiting until "
            + what);
      }
      Thread.sleep(POLL.toMillis());
    }
  }
}
