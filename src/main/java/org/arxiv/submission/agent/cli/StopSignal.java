package org.arxiv.submission.agent.cli;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import sun.misc.Signal;

/**
 * Turns SIGTERM and SIGINT into a stop request that the command handles between records, so
 * that it can finish the record in hand, commit, release its leases and exit 0. A JVM shutdown
 * hook would instead start shutting down at once and exit with status 143.
 */
final class StopSignal {

  private static final Logger log = LoggerFactory.getLogger(StopSignal.class);

  private final CountDownLatch stop = new CountDownLatch(1);

  /** Installs the handlers; where the JVM does not allow it, the default handling remains. */
  StopSignal install() {
    for (String name : new String[] {"TERM", "INT"}) {
      try {
        Signal.handle(new Signal(name), signal -> {
          log.info("Received SIG{}; stopping after the record in hand", signal.getName());
          stop.countDown();
        });
      } catch (IllegalArgumentException e) {
        log.warn("Cannot handle SIG{} here: {}; it will stop the JVM directly", name,
            e.getMessage());
      }
    }
    return this;
  }

  void request() {
    stop.countDown();
  }

  /** Waits up to the timeout and returns whether a stop was requested. */
  boolean await(long millis) throws InterruptedException {
    return stop.await(millis, TimeUnit.MILLISECONDS);
  }
}
