package org.arxiv.submission.agent.cli;

import java.util.Optional;
import org.arxiv.submission.agent.AgentRuntime;
import org.arxiv.submission.agent.runner.JobQueue;
import org.arxiv.submission.agent.store.ProcessRun;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** Queues a failed process again from the step that failed. */
@Command(name = "retry", mixinStandardHelpOptions = true,
    description = "Run a failed process again from the step that failed; its retry budget "
        + "starts afresh.")
final class RetryCommand extends AgentCommand {

  @Parameters(paramLabel = "PROCESS_ID", description = "The process id, as status shows it.")
  String processId;

  @Override
  public Integer call() {
    try (AgentRuntime runtime = openRuntime()) {
      Optional<ProcessRun> reset = runtime.database().inTransaction(c -> {
        Optional<ProcessRun> run = runtime.runs().find(c, processId, true);
        if (run.isEmpty() || !ProcessRun.FAILED.equals(run.get().status())) {
          return run.isEmpty() ? Optional.<ProcessRun>empty() : Optional.of(run.get());
        }
        runtime.worker().reopen(c, run.get());
        return run;
      });
      if (reset.isEmpty()) {
        err().printf("Process %s not found%n", processId);
        err().flush();
        return 3;
      }
      if (!ProcessRun.FAILED.equals(reset.get().status())) {
        err().printf("Process %s is %s, not failed; nothing to retry%n", processId,
            reset.get().status());
        err().flush();
        return 4;
      }
      try (JobQueue queue = runtime.openQueue(0)) {
        queue.enqueueStep(processId, reset.get().nextStep());
      }
      out().printf("Queued %s %s again from step %d; a running worker picks it up%n",
          reset.get().process(), processId, reset.get().nextStep());
      out().flush();
    }
    return 0;
  }
}
