package org.arxiv.submission.agent.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** Runs the consumer and, by default, workers in the same process. */
@Command(name = "run", mixinStandardHelpOptions = true,
    description = "Consume the configured stream, dispatch processes and run them.")
final class RunCommand extends ProcessingCommand {

  @Option(names = "--until-idle",
      description = "Stop once the stream is read to its end, no process run is left "
          + "unfinished and no emitted event waits to be published.")
  boolean untilIdle;

  @Option(names = "--workers", paramLabel = "N",
      description = "Worker threads in this process; 0 runs only the consumer "
          + "(default: AGENT_WORKER_THREADS or 4).")
  Integer workers;

  @Override
  boolean consumes() {
    return true;
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
