package org.arxiv.submission.agent.cli;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.PrintWriter;
import java.time.Clock;
import java.util.concurrent.Callable;
import org.arxiv.submission.agent.AgentRuntime;
import org.arxiv.submission.agent.config.Settings;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** Shared plumbing of the subcommands: settings, runtime and output streams. */
abstract class AgentCommand implements Callable<Integer> {

  @ParentCommand
  Main main;

  @Spec
  CommandSpec spec;

  Settings settings() {
    return Settings.load(main == null ? null : main.config, System.getenv());
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
