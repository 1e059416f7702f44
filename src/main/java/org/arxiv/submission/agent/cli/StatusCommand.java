package org.arxiv.submission.agent.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.arxiv.submission.agent.AgentRuntime;
import org.arxiv.submission.agent.domain.Submission;
import org.arxiv.submission.agent.store.EventLogStore.EmittedEvent;
import org.arxiv.submission.agent.store.ProcessRun;
import org.arxiv.submission.agent.wire.Json;
import org.arxiv.submission.agent.wire.PythonJson;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** Shows what ran on a submission and why. */
@Command(name = "status", mixinStandardHelpOptions = true,
    description = "Show the processes that ran on a submission: trigger, outcome, reason and "
        + "emitted events.")
final class StatusCommand extends AgentCommand {

  /** Fields every event has, or that the line already shows, left out unless --full. */
  private static final Set<String> COMMON_FIELDS = Set.of("creator", "created", "proxy",
      "client", "submission_id", "committed", "before", "after", "event_type", "event_version",
      "__type__", "process_id", "process", "step");

  @Parameters(paramLabel = "SUBMISSION_ID", description = "The submission id.")
  long submissionId;

  @Option(names = "--full", description = "Print each emitted event in full, in the wire format.")
  boolean full;

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

  /** Returns the fields particular to the event's type, such as a flag's type and comment. */
  private static String ownFields(String eventJson) {
    try {
      ObjectNode event = (ObjectNode) Json.mapper().readTree(eventJson);
      event.remove(COMMON_FIELDS);
      return PythonJson.write(event);
    } catch (JsonProcessingException | ClassCastException e) {
      return eventJson;
    }
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
          full ? event.eventJson() : ownFields(event.eventJson()));
    }
  }
}
