package org.arxiv.submission.agent.runner;

import io.micrometer.core.instrument.MeterRegistry;

/** Counters for what the workers did, tagged by process name and outcome. */
public final class RunnerMetrics {

  private final MeterRegistry registry;

  public RunnerMetrics(MeterRegistry registry) {
    this.registry = registry;
  }

  void processFinished(String process, String outcome) {
    registry.counter("agent.processes.finished", "process", process, "outcome", outcome)
        .increment();
  }

  void stepRetried(String process) {
    registry.counter("agent.steps.retried", "process", process).increment();
  }

  void eventsEmitted(int count) {
    registry.counter("agent.events.emitted").increment(count);
  }
}
