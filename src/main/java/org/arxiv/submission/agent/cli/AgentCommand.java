package org.arxiv.submission.agent.cli;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.PrintWriter;
import java.time.Clock;
import java.util.concurrent.Callable;
import org.arxiv.submission.agent.AgentRuntime;
import org.arxiv.submission.agent.KnownSettings;
import org.arxiv.submission.agent.config.AgentSettings;
import org.arxiv.submission.agent.config.Settings;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** Shared plumbing of the subcommands: settings, runtime and output streams. */
abstract class AgentCommand implements Callable<Integer> {

  /** The logger whose level {@code AGENT_LOG_LEVEL} sets: the agent's own log lines. */
  static final String AGENT_LOGGER = "org.arxiv.submission.agent";

  private static final Logger log = LoggerFactory.getLogger(AgentCommand.class);

  @ParentCommand
  Main main;

  @Spec
  CommandSpec spec;

  private Settings settings;

  /**
   * Returns the settings, loaded on the first call. That call also sets the agent's log level
   * from {@code AGENT_LOG_LEVEL} and logs a warning for each key that has no effect.
   *
   * @throws IllegalArgumentException when the file cannot be read or the log level is invalid
   */
  Settings settings() {
    if (settings == null) {
      Settings loaded = Settings.load(main == null ? null : main.config, System.getenv());
      setLogLevel(AgentSettings.logLevel(loaded));
      KnownSettings.warnings(loaded).forEach(log::warn);
      settings = loaded;
    }
    return settings;
  }

  // logback.xml reads AGENT_LOG_LEVEL from the environment only, so the level is set again here
  // once the --config file is read too.
  private static void setLogLevel(String level) {
    if (LoggerFactory.getILoggerFactory() instanceof LoggerContext context) {
      context.getLogger(AGENT_LOGGER).setLevel(Level.toLevel(level));
    }
  }

  AgentRuntime openRuntime() {
    return openRuntime(new SimpleMeterRegistry());
  }

  AgentRuntime openRuntime(MeterRegistry registry) {
    return AgentRuntime.open(settings(), Clock.systemUTC(), registry);
  }

  PrintWriter out() {
    return spec.commandLine().getOut();
  }

  PrintWriter err() {
    return spec.commandLine().getErr();
  }
}
