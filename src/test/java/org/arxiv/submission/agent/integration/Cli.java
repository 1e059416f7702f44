package org.arxiv.submission.agent.integration;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.arxiv.submission.agent.Samples;
import org.arxiv.submission.agent.cli.Main;
import picocli.CommandLine;

/**
 * Runs the agent's commands in this JVM as a user would type them, and writes the files they
 * read. The environment still overrides the configuration file, as it does for a user.
 */
final class Cli {

  /** The exit code and the output of one command. */
  record Result(int exitCode, String out, String err) {}

  private Cli() {}

  static Result run(String... args) {
    CommandLine commandLine = new CommandLine(new Main());
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    commandLine.setOut(new PrintWriter(out));
    commandLine.setErr(new PrintWriter(err));
    int code = commandLine.execute(args);
    return new Result(code, out.toString(), err.toString());
  }

  /** Writes the settings as a properties file, the agent's {@code --config} format. */
  static Path writeConfig(Path file, Map<String, String> settings) throws IOException {
    Properties properties = new Properties();
    properties.putAll(settings);
    try (var writer = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
      properties.store(writer, "agent settings for an integration test");
    }
    return file;
  }

  /**
   * Returns {@code copies} copies of the sample records made by the {@code generate} command:
   * copy 0 is the samples themselves, and every further copy has its own submission ids and
   * dates, so its event ids differ. Each copy starts with the {@code {}} health check.
   */
  static List<String> sampleCopies(Path folder, int copies) throws IOException {
    Path samples = folder.resolve("sample-records.jsonl");
    Files.writeString(samples, Samples.resource("samples/sample-records.jsonl"));
    Result result = run("generate", samples.toString(), "--copies", Integer.toString(copies));
    if (result.exitCode() != 0) {
      throw new IllegalStateException("generate failed: " + result.err());
    }
    return result.out().lines().toList();
  }

  /**
   * Appends the lines to the configured stream with the {@code publish} command, which uses
   * the submission id as the partition key.
   */
  static void publish(Path config, Path folder, List<String> lines) throws IOException {
    Path records = Files.createTempFile(folder, "records-", ".jsonl");
    Files.write(records, lines, StandardCharsets.UTF_8);
    Result result = run("--config", config.toString(), "publish", records.toString());
    if (result.exitCode() != 0) {
      throw new IllegalStateException("publish failed with exit code " + result.exitCode()
          + ": " + result.err());
    }
  }
}
