package org.arxiv.submission.agent.stream.kinesis;

import java.time.Duration;

/** Waits for a duration. Tests pass one that advances a fake clock instead of blocking. */
@FunctionalInterface
public interface Sleeper {

  /** The sleeper that blocks the calling thread. An interrupt ends the wait early. */
  Sleeper SYSTEM = duration -> {
    if (duration.compareTo(Duration.ZERO) > 0) {
      Thread.sleep(duration.toMillis(), duration.toNanosPart() % 1_000_000);
    }
  };

  /** Blocks for {@code duration}, or returns at once when it is zero or negative. */
  void sleep(Duration duration) throws InterruptedException;
}
