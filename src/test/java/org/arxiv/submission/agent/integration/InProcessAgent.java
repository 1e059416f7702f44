package org.arxiv.submission.agent.integration;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import org.arxiv.submission.agent.AgentRuntime;
import org.arxiv.submission.agent.config.Settings;
import org.arxiv.submission.agent.runner.JobQueue;
import org.arxiv.submission.agent.stream.StreamConsumer;

/**
 * One agent instance in this JVM, wired as the {@code run} command wires it: consumer, relay
 * and worker threads on one runtime. {@link #close()} stops it as the command does on SIGTERM.
 */
final class InProcessAgent implements AutoCloseable {

  private static final int WORKER_THREADS = 4;

  /** How often and how many checks in a row make the agent idle, as for run --until-idle. */
  private static final Duration IDLE_CHECK = Duration.ofMillis(250);
  private static final int IDLE_CHECKS = 4;

  /** How often runs whose hand-over to the queue failed are queued, as the run command does. */
  private static final Duration SWEEP_INTERVAL = Duration.ofSeconds(10);

  final AgentRuntime runtime;
  final JobQueue queue;
  final StreamConsumer consumer;
  final SimpleMeterRegistry meters;

  private InProcessAgent(AgentRuntime runtime, JobQueue queue, StreamConsumer consumer,
      SimpleMeterRegistry meters) {
    this.runtime = runtime;
    this.queue = queue;
    this.consumer = consumer;
    this.meters = meters;
  }

  /**
   * Returns the settings of an agent on the Kinesis stream and the database at {@code
   * databaseUrl}. Leases last 3 s, so the coordinator balances every second and a dead
   * instance's shards move on within seconds.
   */
  static Map<String, String> settings(TestStream stream, String databaseUrl,
      TestDatabase database, String instanceName) {
    Map<String, String> settings = new LinkedHashMap<>(stream.agentSettings());
    settings.put("AGENT_STREAM", "kinesis");
    settings.put("AGENT_DATABASE_URL", databaseUrl);
    settings.put("AGENT_DATABASE_USER", database.user());
    settings.put("AGENT_INSTANCE_NAME", instanceName);
    settings.put("AGENT_LEASE_SECONDS", "3");
    settings.put("AGENT_QUEUE_POLL_MS", "100");
    settings.put("AGENT_WORKER_THREADS", Integer.toString(WORKER_THREADS));
    return settings;
  }

  static Map<String, String> settings(TestStream stream, TestDatabase database,
      String instanceName) {
    return settings(stream, database.url(), database, instanceName);
  }

  static InProcessAgent start(Map<String, String> settings) {
    SimpleMeterRegistry meters = new SimpleMeterRegistry();
    AgentRuntime runtime = AgentRuntime.open(Settings.of(settings), Clock.systemUTC(), meters);
    JobQueue queue = runtime.openQueue(WORKER_THREADS);
    runtime.startRelay();
    StreamConsumer consumer = runtime.startConsumer(queue);
    return new InProcessAgent(runtime, queue, consumer, meters);
  }

  /**
   * Waits until the agent has read its shards to their end, has no unfinished process and no
   * emitted record waits in the outbox, for a second in a row: the run command's idle rule.
   */
  void awaitIdle(Duration timeout) throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    long nextSweep = System.nanoTime() + SWEEP_INTERVAL.toNanos();
    int idleChecks = 0;
    while (idleChecks < IDLE_CHECKS) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("agent " + runtime.settings().get("AGENT_INSTANCE_NAME")
            + " did not become idle within " + timeout.toSeconds() + " s");
      }
      Thread.sleep(IDLE_CHECK.toMillis());
      if (System.nanoTime() > nextSweep) {
        queue.enqueueUnqueued();
        nextSweep = System.nanoTime() + SWEEP_INTERVAL.toNanos();
      }
      idleChecks = isIdle() ? idleChecks + 1 : 0;
    }
  }

  private boolean isIdle() {
    return consumer.isCaughtUp()
        && runtime.database().inTransaction(c -> runtime.runs().countUnfinished(c)) == 0
        && runtime.pendingOutbox() == 0;
  }

  @Override
  public void close() {
    try {
      consumer.close();
      queue.close();
    } finally {
      runtime.close();
    }
  }
}
