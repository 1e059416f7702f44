package org.arxiv.submission.agent.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.arxiv.submission.agent.Samples;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The agent as a separate process, stopped with SIGTERM as an orchestrator stops it. */
class GracefulStopTest {

  @TempDir
  Path folder;

  @Test
  void sigtermCommitsReleasesAndExitsZero() throws Exception {
    Path records = folder.resolve("records.jsonl");
    Files.writeString(records, Samples.resource("samples/sample-records.jsonl"));
    String url = "jdbc:h2:file:" + folder.resolve("db/agent").toAbsolutePath();
    Path config = folder.resolve("agent.properties");
    Files.writeString(config, "AGENT_DATABASE_URL=" + url + "\nAGENT_IDLE_SLEEP_MS=50\n"
        + "AGENT_QUEUE_POLL_MS=100\nAGENT_INSTANCE_NAME=stop-test\n");
    assertThat(agent(config, "publish", records.toString()).waitFor(60, TimeUnit.SECONDS))
        .isTrue();

    Path output = folder.resolve("run.out");
    Process run = agentProcess(config, output, "run");
    try {
      awaitLine(output, folder.resolve("run.out.err"), "Consumer started");
      run.destroy();
      assertThat(run.waitFor(60, TimeUnit.SECONDS)).as("agent stopped within 60 s").isTrue();
      assertThat(run.exitValue()).isZero();
    } finally {
      run.destroyForcibly();
    }

    assertThat(Files.readString(output)).contains("Records read:", "Events emitted:");
    try (Connection connection = DriverManager.getConnection(url);
        Statement statement = connection.createStatement();
        ResultSet rows = statement.executeQuery(
            "SELECT COUNT(*) FROM shard_lease WHERE owner IS NOT NULL")) {
      rows.next();
      assertThat(rows.getInt(1)).as("leases still held after the stop").isZero();
    }
  }

  private static Process agent(Path config, String... args) throws Exception {
    return new ProcessBuilder(command(config, args)).redirectErrorStream(true)
        .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
  }

  private static Process agentProcess(Path config, Path output, String... args)
      throws Exception {
    ProcessBuilder builder = new ProcessBuilder(command(config, args))
        .redirectOutput(output.toFile())
        .redirectError(new File(output + ".err"));
    // The start-up line that the test waits for is logged at INFO.
    builder.environment().put("AGENT_LOG_LEVEL", "INFO");
    return builder.start();
  }

  private static List<String> command(Path config, String... args) {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    List<String> command = new java.util.ArrayList<>(List.of(java, "-cp",
        System.getProperty("java.class.path"), Main.class.getName(), "--config",
        config.toString()));
    command.addAll(List.of(args));
    return command;
  }

  private static void awaitLine(Path stdout, Path stderr, String text) throws Exception {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
    while (System.nanoTime() < deadline) {
      if (Files.exists(stderr)
          && Files.readString(stderr, StandardCharsets.UTF_8).contains(text)) {
        return;
      }
      Thread.sleep(100);
    }
    throw new AssertionError("agent did not log \"" + text + "\" within 60 s; output: "
        + (Files.exists(stdout) ? Files.readString(stdout) : "") + "\n"
        + (Files.exists(stderr) ? Files.readString(stderr) : ""));
  }
}
