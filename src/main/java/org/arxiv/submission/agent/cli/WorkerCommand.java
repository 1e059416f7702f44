package org.arxiv.submission.agent.cli;

import picocli.CommandLine.Command;

/** Runs workers only, sharing the job queue with the consumers and other workers. */
@Command(name = "worker", mixinStandardHelpOptions = true,
    description = "Run process steps from the job queue without consuming the stream.")
final class WorkerCommand extends RunCommand {

  @Override
  boolean consumes() {
    return false;
  }
}
