package org.arxiv.submission.agent.stream.kinesis;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A sleeper that returns at once, advancing a {@link ManualClock} by the requested duration and
 * recording it. An optional hook runs on every sleep, for example to close a reader.
 */
final class RecordingSleeper implements Sleeper {

  /** Code run on each sleep, with the number of sleeps so far (1 for the first). */
  @FunctionalInterface
  interface Hook {
    void onSleep(int count) throws InterruptedException;
  }

  private final ManualClock clock;
  private final List<Duration> sleeps = new CopyOnWriteArrayList<>();
  private volatile Hook hook = count -> {};

  RecordingSleeper(ManualClock clock) {
    this.clock = clock;
  }

  void onSleep(Hook hook) {
    this.hook = hook;
  }

  List<Duration> sleeps() {
    return List.copyOf(sleeps);
  }

  void clear() {
    sleeps.clear();
  }

  @Override
  public void sleep(Duration duration) throws InterruptedException {
    sleeps.add(duration);
    clock.advance(duration);
    hook.onSleep(sleeps.size());
  }
}
