package org.arxiv.submission.agent.cli;

import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import org.arxiv.submission.agent.AgentRuntime;
import org.arxiv.submission.agent.admin.MetricsServer;
import org.arxiv.submission.agent.config.AgentSettings;
import org.arxiv.submission.agent.runner.JobQueue;
import org.arxiv.submission.agent.store.StoreException;
import org.arxiv.submission.agent.stream.StreamConsumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Option;

/**
 * The commands that process submissions until stopped: {@code run}, which consumes the stream
 * and runs steps, and {@code worker}, which only runs steps. Each declares its own
 * {@code --until-idle} and {@code --workers} options because their meaning differs.
 */
abstract class ProcessingCommand extends AgentCommand {

  private static final Logger log = LoggerFactory.getLogger(ProcessingCommand.class);

  /** How often runs whose hand-over to the queue was interrupted are looked for. */
  private static final Duration SWEEP_INTERVAL = Duration.ofSeconds(10);

  /** Whether the last idle check failed on the database, so that an outage is logged once. */
  private boolean idleCheckFailing;

  @Option(names = "--duration", paramLabel = "SECONDS",
      description = "Stop after this many seconds (default: run until stopped).")
  Long durationSeconds;

  /** Returns whether this command consumes the stream; the worker command does not. */
  abstract boolean consumes();

  /** Returns whether to stop once there is nothing left to do. */
  abstract boolean untilIdle();

  /** Returns the {@code --workers} option, or null when it is not given. */
  abstract Integer workersOption();

  @Override
  public Integer call() throws Exception {
    // Checked before the database is opened, like every setting.
    int threads = workerThreads(AgentSettings.from(settings()));
    if (durationSeconds != null && durationSeconds < 1) {
      throw new IllegalArgumentException(
          "invalid --duration " + durationSeconds + ": expected at least 1 second");
    }
    StopSignal stop = new StopSignal().install();
    Instant started = Instant.now();
    PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    try (AgentRuntime runtime = openRuntime(registry);
        MetricsServer metrics = startMetrics(runtime, registry)) {
      JobQueue queue = runtime.openQueue(threads);
      runtime.startRelay();
      StreamConsumer consumer = consumes() ? runtime.startConsumer(queue) : null;
      try {
        waitForStop(runtime, queue, consumer, stop, started);
      } finally {
        if (consumer != null) {
          consumer.close();
        }
        queue.close();
      }
      new RunSummary(runtime, started).print(out());
    }
    return 0;
  }

  // The worker command needs at least one thread, because workers are all it runs.
  private int workerThreads(AgentSettings agentSettings) {
    Integer option = workersOption();
    int threads = option != null ? option : agentSettings.workerThreads();
    int minimum = consumes() ? 0 : 1;
    if (threads < minimum) {
      String name = option != null ? "--workers" : "AGENT_WORKER_THREADS";
      throw new IllegalArgumentException("invalid " + name + " " + threads + ": expected "
          + (minimum == 0 ? "0 or more" : "at least 1") + " for " + spec.name());
    }
    return threads;
  }

  // Serves metrics when AGENT_METRICS_PORT is set; returns null otherwise.
  private static MetricsServer startMetrics(AgentRuntime runtime,
      PrometheusMeterRegistry registry) throws IOException {
    Integer port = runtime.agentSettings().metricsPort();
    if (port == null) {
      return null;
    }
    return MetricsServer.start(runtime.agentSettings().metricsHost(), port, registry,
        runtime.database()::isAvailable);
  }

  private void waitForStop(AgentRuntime runtime, JobQueue queue, StreamConsumer consumer,
      StopSignal stop, Instant started) throws InterruptedException {
    Instant deadline = durationSeconds == null ? null : started.plusSeconds(durationSeconds);
    Instant nextSweep = Instant.now().plus(SWEEP_INTERVAL);
    int idleChecks = 0;
    while (!stop.await(250)) {
      Instant now = Instant.now();
      if (deadline != null && !now.isBefore(deadline)) {
        return;
      }
      if (now.isAfter(nextSweep)) {
        sweep(queue);
        nextSweep = now.plus(SWEEP_INTERVAL);
      }
      if (untilIdle()) {
        idleChecks = isIdle(runtime, consumer) ? idleChecks + 1 : 0;
        // Idle for a second in a row, so that records emitted by the last step are read too.
        if (idleChecks >= 4) {
          return;
        }
      }
    }
  }

  // The consumer and the workers wait for an unavailable database, so the command waits too
  // instead of exiting, and sweeps again at the next interval.
  private static void sweep(JobQueue queue) {
    try {
      queue.enqueueUnqueued();
    } catch (RuntimeException e) {
      log.error("Queueing process runs whose hand-over was interrupted failed: {}; trying "
          + "again in {} s", e.toString(), SWEEP_INTERVAL.toSeconds());
    }
  }

  private boolean isIdle(AgentRuntime runtime, StreamConsumer consumer) {
    if (consumer != null && !consumer.isCaughtUp()) {
      return false;
    }
    try {
      int unfinished = runtime.database().inTransaction(c -> runtime.runs().countUnfinished(c));
      boolean idle = unfinished == 0 && runtime.pendingOutbox() == 0;
      idleCheckFailing = false;
      return idle;
    } catch (StoreException e) {
      // Checked four times a second, so only the first failure of an outage is logged.
      if (!idleCheckFailing) {
        log.warn("Cannot tell whether the agent is idle: {}; it counts as busy until the "
            + "database answers again", e.getMessage());
        idleCheckFailing = true;
      }
      return false;
    }
  }
}
