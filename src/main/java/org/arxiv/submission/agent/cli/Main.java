package org.arxiv.submission.agent.cli;

import java.nio.file.Path;
import org.arxiv.submission.agent.store.StoreException;
import org.arxiv.submission.agent.stream.StreamUnavailableException;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** The {@code submission-agent} command line. */
@Command(
    name = "submission-agent",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    description = "Consumes submission events, evaluates rules and runs processes.",
    subcommands = {
        RunCommand.class,
        WorkerCommand.class,
        PublishCommand.class,
        DryRunCommand.class,
        StatusCommand.class,
        RetryCommand.class,
        QuarantineCommand.class,
        RulesCommand.class,
        GenerateCommand.class
    })
public final class Main {

  @Option(names = "--config", paramLabel = "FILE",
      description = "Properties file with settings; environment variables take precedence.")
  Path config;

  public static void main(String[] args) {
    System.exit(commandLine().execute(args));
  }

  /** Returns the command line with the agent's error handling. */
  static CommandLine commandLine() {
    CommandLine commandLine = new CommandLine(new Main());
    commandLine.setExecutionExceptionHandler((e, cl, parseResult) -> {
      if (e instanceof IllegalArgumentException) {
        cl.getErr().println("Invalid configuration: " + e.getMessage());
        return 2;
      }
      // Errors the agent raises itself carry a message meant for operators; for anything else
      // the exception's class helps more.
      boolean own = e instanceof StoreException || e instanceof IllegalStateException
          || e instanceof StreamUnavailableException;
      cl.getErr().println("Error: " + (own && e.getMessage() != null ? e.getMessage() : e));
      return 1;
    });
    return commandLine;
  }
}
