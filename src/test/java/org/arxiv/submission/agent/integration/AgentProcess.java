package org.arxiv.submission.agent.integration;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.arxiv.submission.agent.cli.Main;

/**
 * The agent's command line in a JVM of its own, on this JVM's class path, with its output in
 * a log file. {@link #close()} kills it if it still runs.
 */
final class AgentProcess implements AutoCloseable {

  /** Prefixes of the variables that would override the configuration file. */
  private static final List<String> SETTING_PREFIXES = List.of("AGENT_", "KINESIS_", "AWS_");

  private final Process process;
  private final Path log;

  private AgentProcess(Process process, Path log) {
    this.process = process;
    this.log = log;
  }

  /**
   * Starts {@code submission-agent --config CONFIG ARGS...}. Setting variables of this
   * environment are removed, so the configuration file alone decides.
   */
  static AgentProcess start(Path config, Path log, String... args) throws IOException {
    List<String> command = new ArrayList<>(List.of(
        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-cp", System.getProperty("java.class.path"),
        Main.class.getName(), "--config", config.toString()));
    command.addAll(List.of(args));
    ProcessBuilder builder = new ProcessBuilder(command)
        .redirectErrorStream(true)
        .redirectOutput(log.toFile());
    Map<String, String> environment = builder.environment();
    environment.keySet().removeIf(key -> SETTING_PREFIXES.stream().anyMatch(key::startsWith));
    return new AgentProcess(builder.start(), log);
  }

  boolean isAlive() {
    return process.isAlive();
  }

  /** Sends SIGTERM, as an orchestrator stops the agent; {@link #awaitExit} waits for it. */
  void terminate() {
    process.destroy();
  }

  /** Sends SIGKILL and waits for the process to end. */
  void kill() throws InterruptedException {
    process.destroyForcibly();
    if (!process.waitFor(10, TimeUnit.SECONDS)) {
      throw new AssertionError("agent process " + process.pid() + " survived SIGKILL for 10 s");
    }
  }

  /**
   * Waits for the process to exit and returns its exit code.
   *
   * @throws AssertionError with the log's tail when it runs longer than {@code timeout}
   */
  int awaitExit(Duration timeout) throws InterruptedException, IOException {
    if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
      throw new AssertionError("agent process " + process.pid() + " still runs after "
          + timeout.toSeconds() + " s; log tail:\n" + logTail());
    }
    return process.exitValue();
  }

  String log() throws IOException {
    return Files.exists(log) ? Files.readString(log, StandardCharsets.UTF_8) : "";
  }

  /** Returns how many lines of the log contain every one of the fragments. */
  long logLines(String... fragments) {
    try {
      return log().lines()
          .filter(line -> Arrays.stream(fragments).allMatch(line::contains))
          .count();
    } catch (IOException e) {
      return 0;
    }
  }

  /** Returns the last 40 lines of the log, for failure messages. */
  String logTail() throws IOException {
    List<String> lines = log().lines().toList();
    return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
  }

  @Override
  public void close() throws InterruptedException {
    if (process.isAlive()) {
      kill();
    }
  }
}
