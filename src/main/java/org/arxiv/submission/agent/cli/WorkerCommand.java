package org.arxiv.submission.agent.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** Runs workers only, sharing the job queue with the consumers and other workers. */
@Command(name = "worker", mixinStandardHelpOptions = true,
    description = "Run process steps from the job queue without consuming the stream.")
final class WorkerCommand extends ProcessingCommand {

  @Option(names = "--until-idle",
      description = "Stop once no process run is left unfinished and no emitted event waits "
          + "to be published. Runs that a consumer dispatches later are not waited for.")
  boolean untilIdle;

  @Option(names = "--workers", paramLabel = "N",
      description = "Worker threads in this process, at least 1 "
          + "(default: AGENT_WORKER_THREADS or 4).")
  Integer workers;

  @Override
  boolean consumes() {
    return false;
  }

  @Override
  boolean untilIdle() {
    return untilIdle;
  }

  @Override
  Integer workersOption() {
    return workers;
  }
}
