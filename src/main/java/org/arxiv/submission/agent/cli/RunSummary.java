package org.arxiv.submission.agent.cli;

import java.io.PrintWriter;
import java.time.Instant;
import java.util.Map;
import org.arxiv.submission.agent.AgentRuntime;
import org.arxiv.submission.agent.runner.Dispatcher.Outcome;
import org.arxiv.submission.agent.stream.ConsumerMetrics;

/** The short report printed when a run stops: records, processes by outcome, events emitted. */
final class RunSummary {

  private final AgentRuntime runtime;
  private final Instant since;

  RunSummary(AgentRuntime runtime, Instant since) {
    this.runtime = runtime;
    this.since = since;
  }

  void print(PrintWriter out) {
    ConsumerMetrics metrics = runtime.consumerMetrics();
    long processed = metrics.count(Outcome.PROCESSED);
    long skipped = metrics.count(Outcome.SKIPPED);
    long quarantined = metrics.count(Outcome.QUARANTINED);
    out.printf("Records read: %d (processed %d, skipped %d, quarantined %d) by this instance%n",
        processed + skipped + quarantined, processed, skipped, quarantined);
    Map<String, Map<String, Integer>> processes = runtime.database().inTransaction(
        c -> runtime.runs().countByProcessAndStatus(c, since));
    // Runs and events are counted in the database, so they include other instances' work.
    out.println("Processes (updated during this run by every instance on this database):");
    if (processes.isEmpty()) {
      out.println("  none");
    }
    processes.forEach((name, byStatus) -> out.printf("  %-36s %s%n", name,
        byStatus.entrySet().stream().map(e -> e.getKey() + " " + e.getValue())
            .reduce((a, b) -> a + ", " + b).orElse("")));
    int emitted = runtime.database().inTransaction(
        c -> runtime.eventLog().countEmittedSince(c, since));
    out.printf("Events emitted: %d (during this run by every instance on this database)%n",
        emitted);
    out.flush();
  }
}
