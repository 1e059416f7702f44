package org.arxiv.submission.agent.cli;

import java.util.List;
import java.util.Optional;
import org.arxiv.submission.agent.AgentRuntime;
import org.arxiv.submission.agent.domain.Submission;
import org.arxiv.submission.agent.store.EventLogStore.EmittedEvent;
import org.arxiv.submission.agent.store.ProcessRun;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** Shows what ran on a submission and why. */
@Command(name = "status", mixinStandardHelpOptions = true,
    description = "Show the processes that ran on a submission: trigger, outcome, reason and "
        + "emitted events.")
final class StatusCommand extends AgentCommand {

  @Parameters(paramLabel = "SUBMISSION_ID", description = "The submission id.")
  long submissionId;

  @Override
  public Integer call() {
    try (AgentRuntime runtime = openRuntime()) {
      Optional<Submission> state = runtime.database().inTransaction(
          c -> runtime.submissions().load(c, submissionId, false));
      List<ProcessRun> runs = runtime.database().inTransaction(
          c -> runtime.runs().listBySubmission(c, submissionId));
      if (state.isEmpty() && runs.isEmpty()) {
        err().printf("Submission %d not found: the agent has neither seen it on the stream "
            + "nor run anything on it%n", submissionId);
        err().flush();
        return 3;
      }
      state.ifPresent(s -> out().printf("Submission %d: %s, title: %s%n", submissionId,
          s.status(), s.title()));
      out().printf("%d processes%n", runs.size());
      for (ProcessRun run : runs) {
        printRun(runtime, run);
      }
      out().flush();
    }
    return 0;
  }

  private void printRun(AgentRuntime runtime, ProcessRun run) {
    out().printf("%n%s %s%n", run.process(), run.processId());
    out().printf("  trigger: %s %s (shard %s, sequence number %s)%n", run.triggerEventType(),
        run.triggerEventId(), run.shardId(), run.sequenceNumber());
    out().printf("  params:  %s%n", run.params());
    out().printf("  outcome: %s after %d of its steps, started %s, updated %s%n", run.status(),
        run.nextStep(), run.created(), run.updated());
    if (run.reason() != null) {
      out().printf("  reason:  %s%n", run.reason());
    }
    List<EmittedEvent> events = runtime.database().inTransaction(
        c -> runtime.eventLog().emittedBy(c, run.processId()));
    for (EmittedEvent event : events) {
      out().printf("  emitted: %s %s at %s%s: %s%n", event.eventType(), event.eventId(),
          event.created(), event.step() == null ? "" : " by step " + event.step(),
          event.eventJson());
    }
  }
}
