package org.arxiv.submission.agent.cli;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.arxiv.submission.agent.Samples;
import org.arxiv.submission.agent.wire.Json;
import org.arxiv.submission.agent.wire.PythonJson;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.slf4j.LoggerFactory;
import picocli.CommandLine;

/** The commands as a user runs them, on the sample records and an H2 file database. */
class CliTest {

  /** Processes whose results depend on candidates the original was given from a stub list. */
  private static final Set<String> STUBBED_INPUTS = Set.of("CheckForSimilarTitles");

  @TempDir
  Path folder;

  private record Result(int exitCode, String out, String err) {}

  private Result run(String... args) {
    CommandLine commandLine = Main.commandLine();
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    commandLine.setOut(new PrintWriter(out));
    commandLine.setErr(new PrintWriter(err));
    int code = commandLine.execute(args);
    return new Result(code, out.toString(), err.toString());
  }

  private Path samples() throws Exception {
    Path file = folder.resolve("sample-records.jsonl");
    Files.writeString(file, Samples.resource("samples/sample-records.jsonl"));
    return file;
  }

  private Path config() throws Exception {
    Path file = folder.resolve("agent.properties");
    Files.writeString(file, "AGENT_DATABASE_URL=jdbc:h2:file:"
        + folder.resolve("db/agent").toAbsolutePath() + "\nAGENT_IDLE_SLEEP_MS=50\n"
        + "AGENT_QUEUE_POLL_MS=100\n");
    return file;
  }

  private List<JsonNode> dryRun(Path input) throws Exception {
    Result result = run("dry-run", input.toString());
    assertThat(result.exitCode()).as(result.err()).isZero();
    List<JsonNode> lines = new ArrayList<>();
    for (String line : result.out().split("\n")) {
      lines.add(Json.mapper().readTree(line));
    }
    return lines;
  }

  @Test
  void dryRunSkipsOnlyHealthCheck() throws Exception {
    List<JsonNode> lines = dryRun(samples());
    assertThat(lines).hasSize(66);
    assertThat(lines.get(0).path("status").asText()).isEqualTo("skipped");
    assertThat(lines.get(0).path("reason").asText()).contains("missing \"event\"");
    for (JsonNode line : lines.subList(1, lines.size())) {
      assertThat(line.path("status").asText()).as("line %s", line.path("line"))
          .isEqualTo("processed");
      assertThat(line.path("event_id").asText()).hasSize(40);
    }
  }

  @Test
  void dryRunMatchesOriginalDecisions() throws Exception {
    List<JsonNode> lines = dryRun(samples());
    List<String> expected = Samples.expectedLines();
    for (int i = 1; i < lines.size(); i++) {
      JsonNode original = Json.mapper().readTree(expected.get(i));
      JsonNode ours = lines.get(i);
      assertThat(ours.path("event_type").asText())
          .isEqualTo(original.path("event_type").asText());
      for (JsonNode triggered : original.path("triggered")) {
        JsonNode match = find(ours.path("processes"), triggered.path("process").asText());
        assertThat(match).as("line %d triggers %s", i + 1, triggered.path("process")).isNotNull();
        assertThat(PythonJson.write(match.path("params")))
            .isEqualTo(PythonJson.write(triggered.path("params")));
        if (triggered.has("emitted") && !STUBBED_INPUTS.contains(triggered.path("process").asText())) {
          assertThat(match.path("outcome").asText()).isEqualTo("succeeded");
          assertThat(withoutSubmissionId(match.path("emitted")))
              .as("line %d %s emitted", i + 1, triggered.path("process"))
              .isEqualTo(PythonJson.write(triggered.path("emitted")));
        }
        if (triggered.has("step_logic") || triggered.has("size_decisions")) {
          assertThat(match.path("outcome").asText()).isEqualTo("not_run");
          assertThat(match.path("reason").asText()).startsWith("needs the ")
              .endsWith(", which a dry run does not call");
        }
      }
    }
  }

  @Test
  void dryRunRunsStopwordChecksOnDecodedFeatures() throws Exception {
    List<JsonNode> lines = dryRun(samples());
    assertThat(find(lines.get(19).path("processes"), "CheckStopwordCount")
        .path("outcome").asText()).isEqualTo("succeeded");
    assertThat(find(lines.get(21).path("processes"), "CheckStopwordPercent")
        .path("outcome").asText()).isEqualTo("succeeded");
  }

  @Test
  void dryRunReportsBadLinesAndGoesOn() throws Exception {
    String setTitle = Samples.recordLines().get(9);
    Path input = folder.resolve("bad.jsonl");
    Files.writeString(input, String.join("\n", "not json",
        setTitle.replace("\"SetTitle\"", "\"SetColour\""), "{\"event\": {}}", setTitle));
    List<JsonNode> lines = dryRun(input);
    assertThat(lines).extracting(l -> l.path("status").asText())
        .containsExactly("skipped", "skipped", "skipped", "processed");
    assertThat(lines.get(0).path("reason").asText()).contains("not JSON");
    assertThat(lines.get(1).path("reason").asText()).contains("unknown event type \"SetColour\"");
    assertThat(lines.get(2).path("reason").asText()).contains("missing \"before\"");
  }

  @Test
  void dryRunReportsBlankAndNonUtf8Lines() throws Exception {
    String setTitle = Samples.recordLines().get(9);
    Path input = folder.resolve("bytes.jsonl");
    byte[] invalid = {'{', '"', (byte) 0xC3, 'x', '"', ':', '1', '}'};
    try (java.io.OutputStream out = Files.newOutputStream(input)) {
      out.write(("   \n").getBytes(StandardCharsets.US_ASCII));
      out.write(invalid);
      out.write(("\n" + setTitle + "\n").getBytes(StandardCharsets.UTF_8));
    }
    List<JsonNode> lines = dryRun(input);
    assertThat(lines).extracting(l -> l.path("line").asInt()).containsExactly(1, 2, 3);
    assertThat(lines).extracting(l -> l.path("status").asText())
        .containsExactly("skipped", "skipped", "processed");
    assertThat(lines.get(0).path("reason").asText()).isEqualTo("blank line");
    assertThat(lines.get(1).path("reason").asText()).contains("UTF-8");
  }

  @Test
  void publishOfMissingFileIsUsageError() {
    Result result = run("publish", folder.resolve("absent.jsonl").toString());
    assertThat(result.exitCode()).isEqualTo(2);
    assertThat(result.err()).contains("absent.jsonl does not exist");
  }

  @Test
  void rulesListsSixteenRules() {
    Result result = run("rules");
    assertThat(result.exitCode()).isZero();
    assertThat(result.out().lines()).hasSize(16);
    assertThat(result.out()).contains("CheckStopwordPercent", "{\"LOW_STOP_PERCENT\": 0.1}");
  }

  @Test
  void invalidSettingIsNamed() throws Exception {
    Path config = folder.resolve("bad.properties");
    Files.writeString(config, "LOW_STOP=many\n");
    Result result = run("--config", config.toString(), "rules");
    assertThat(result.exitCode()).isEqualTo(2);
    assertThat(result.err()).contains("LOW_STOP", "many");
  }

  @Test
  void publishRunAndStatusShowWhatRan() throws Exception {
    String config = config().toString();
    Result published = run("--config", config, "publish", samples().toString());
    assertThat(published.exitCode()).as(published.err()).isZero();
    assertThat(published.out()).contains("Published 66 records");

    Result ran = run("--config", config, "run", "--until-idle", "--duration", "120");
    assertThat(ran.exitCode()).as(ran.err()).isZero();
    assertThat(ran.out()).contains("Records read:", "skipped 1", "CheckForSimilarTitles",
        "succeeded", "Events emitted:");

    Result status = run("--config", config, "status", "3");
    assertThat(status.exitCode()).as(status.err()).isZero();
    assertThat(status.out()).contains("CheckSubmissionSourceSize", "AddHold",
        "source_oversize", "CopySourceToLegacy", "FILEMANAGER_ENDPOINT");
    assertThat(status.out()).as("emitted events without their common fields")
        .contains("{\"hold_type\": \"source_oversize\"").doesNotContain("\"creator\"");
    Result full = run("--config", config, "status", "3", "--full");
    assertThat(full.out()).contains("\"creator\"", "\"hold_type\": \"source_oversize\"");

    Result redrive = run("--config", config, "quarantine", "redrive", "--id", "999");
    assertThat(redrive.exitCode()).isEqualTo(3);
    assertThat(redrive.err()).contains("Quarantined record 999 not found");

    Result again = run("--config", config, "run", "--until-idle", "--duration", "120");
    assertThat(again.out()).contains("Records read: 0");

    Result unknown = run("--config", config, "status", "99");
    assertThat(unknown.exitCode()).isEqualTo(3);
    assertThat(unknown.err()).contains("Submission 99 not found");
  }

  @Test
  void retryReopensFailedProcessWithStatus() throws Exception {
    String config = config().toString();
    assertThat(run("--config", config, "publish", samples().toString()).exitCode()).isZero();
    assertThat(run("--config", config, "run", "--until-idle", "--duration", "120").exitCode())
        .isZero();
    String failedId = processId(run("--config", config, "status", "3").out(),
        "CopySourceToLegacy");
    String succeededId = processId(run("--config", config, "status", "3").out(),
        "CheckSubmissionSourceSize");

    Result retried = run("--config", config, "retry", failedId);
    assertThat(retried.exitCode()).as(retried.err()).isZero();
    assertThat(retried.out()).contains("Queued CopySourceToLegacy " + failedId);
    Result worked = run("--config", config, "worker", "--until-idle", "--duration", "60");
    assertThat(worked.exitCode()).as(worked.err()).isZero();

    List<String> statuses = run("--config", config, "status", "3").out().lines()
        .dropWhile(line -> !line.startsWith("CopySourceToLegacy " + failedId))
        .skip(1)
        .takeWhile(line -> !line.isEmpty())
        .filter(line -> line.contains("emitted: AddProcessStatus"))
        .map(line -> line.replaceAll(".*\"status\": \"([a-z_]+)\".*", "$1"))
        .toList();
    assertThat(statuses).containsExactly("pending", "failed", "in_progress", "failed");

    assertThat(run("--config", config, "retry", succeededId).exitCode()).isEqualTo(4);
    assertThat(run("--config", config, "retry", "no-such-process").exitCode()).isEqualTo(3);
  }

  private static String processId(String statusOutput, String process) {
    return statusOutput.lines().filter(line -> line.startsWith(process + " ")).findFirst()
        .orElseThrow(() -> new AssertionError("no " + process + " in\n" + statusOutput))
        .substring(process.length() + 1).trim();
  }

  @Test
  void runSkipsHealthCheckAndQuarantinesPartialRecord() throws Exception {
    String config = config().toString();
    String setTitle = Samples.recordLines().get(9);
    Path input = folder.resolve("partial.jsonl");
    ObjectNode partial = (ObjectNode) new ObjectMapper().readTree(setTitle);
    partial.remove("before");
    Files.writeString(input, String.join("\n", "{}", partial.toString(), setTitle, ""));
    assertThat(run("--config", config, "publish", input.toString()).exitCode()).isZero();

    Result ran = run("--config", config, "run", "--until-idle", "--duration", "120");
    assertThat(ran.exitCode()).as(ran.err()).isZero();
    assertThat(ran.out()).contains("skipped 1, quarantined 1)");
    Result listed = run("--config", config, "quarantine", "list");
    assertThat(listed.out()).contains("record is missing \"before\"");
  }

  @Test
  void dryRunNamesServicesLikeRun() throws Exception {
    JsonNode line = dryRun(samples()).get(8);
    JsonNode copy = find(line.path("processes"), "CopySourceToLegacy");
    assertThat(copy.path("outcome").asText()).isEqualTo("not_run");
    assertThat(copy.path("reason").asText()).isEqualTo("needs the file manager service "
        + "(FILEMANAGER_ENDPOINT) and the legacy filesystem service (FILESYSTEM_ENDPOINT), "
        + "which a dry run does not call");
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "AGENT_LEASE_SECONDS=-5|invalid AGENT_LEASE_SECONDS \"-5\"",
      "AGENT_BATCH_SIZE=abc|invalid AGENT_BATCH_SIZE \"abc\"",
      "AGENT_MAX_HANDLE_ATTEMPTS=0|invalid AGENT_MAX_HANDLE_ATTEMPTS \"0\"",
      "AGENT_LOG_LEVEL=LOUD|invalid AGENT_LOG_LEVEL \"LOUD\"",
      "AGENT_QUEUE_POLL_MS=0|invalid AGENT_QUEUE_POLL_MS \"0\"",
      "AGENT_IDLE_SLEEP_MS=-1|invalid AGENT_IDLE_SLEEP_MS \"-1\"",
      "AGENT_METRICS_PORT=99999|invalid AGENT_METRICS_PORT \"99999\": expected a whole number "
          + "from 0 to 65535",
      "AGENT_DATABASE_CONNECT_TIMEOUT_MS=-1|invalid AGENT_DATABASE_CONNECT_TIMEOUT_MS \"-1\": "
          + "expected milliseconds from 250 to 3600000",
      "NO_RECLASSIFY_CATEGORIES=not.a.cat|invalid NO_RECLASSIFY_CATEGORIES \"not.a.cat\"",
      "KINESIS_BATCH_SIZE=0|invalid KINESIS_BATCH_SIZE \"0\""})
  void invalidSettingStopsRunBeforeDatabaseOpens(String setting, String message)
      throws Exception {
    Path config = config();
    Files.writeString(config, "AGENT_STREAM=kinesis\n" + setting + "\n",
        StandardOpenOption.APPEND);

    Result result = run("--config", config.toString(), "run", "--duration", "1");

    assertThat(result.exitCode()).as(result.err()).isEqualTo(2);
    assertThat(result.err()).startsWith("Invalid configuration: " + message);
    assertThat(folder.resolve("db")).doesNotExist();
  }

  @Test
  void workerRejectsZeroWorkersBeforeDatabaseOpens() throws Exception {
    Result result = run("--config", config().toString(), "worker", "--workers", "0");

    assertThat(result.exitCode()).as(result.err()).isEqualTo(2);
    assertThat(result.err()).contains("invalid --workers 0: expected at least 1 for worker");
    assertThat(folder.resolve("db")).doesNotExist();
  }

  @Test
  void workerHelpDescribesWorker() {
    Result result = run("worker", "--help");

    assertThat(result.exitCode()).isZero();
    assertThat(result.out()).contains("--workers=N", "at least 1");
    assertThat(result.out()).doesNotContain("runs only the consumer", "stream is read");
  }

  @Test
  void runHelpKeepsConsumerOptions() {
    Result result = run("run", "--help");

    assertThat(result.exitCode()).isZero();
    assertThat(result.out()).contains("--workers=N", "0 runs only the", "stream is read to its end");
  }

  @Test
  void generateRejectsNegativeCopies() throws Exception {
    Result result = run("generate", samples().toString(), "--copies", "-3");

    assertThat(result.exitCode()).isEqualTo(2);
    assertThat(result.err()).contains("invalid --copies -3: expected at least 1");
    assertThat(result.out()).isEmpty();
  }

  @Test
  void configFileSetsLogLevel() throws Exception {
    Path config = folder.resolve("quiet.properties");
    Files.writeString(config, "AGENT_LOG_LEVEL=error\n");
    Logger agentLogger = (Logger) LoggerFactory.getLogger(AgentCommand.AGENT_LOGGER);
    Level before = agentLogger.getLevel();
    try {
      Result result = run("--config", config.toString(), "rules");

      assertThat(result.exitCode()).as(result.err()).isZero();
      assertThat(agentLogger.getLevel()).isEqualTo(Level.ERROR);
    } finally {
      agentLogger.setLevel(before);
    }
  }

  @Test
  void unknownConfigKeysAreWarnedWithoutValues() throws Exception {
    Path config = folder.resolve("typos.properties");
    Files.writeString(config, "AGENT_BACTH_SIZE=hidden-1\nKINESIS_STREEM=hidden-2\n"
        + "AWS_SECRET_KEY=hidden-3\nLOW_STOPS=hidden-4\nJWT_SECRET=hidden-5\n"
        + "LOW_STOP=300\nAWS_REGION=eu-west-1\n");
    Logger agentLogger = (Logger) LoggerFactory.getLogger(AgentCommand.AGENT_LOGGER);
    ListAppender<ILoggingEvent> appender = new ListAppender<>();
    appender.start();
    agentLogger.addAppender(appender);
    try {
      Result result = run("--config", config.toString(), "rules");
      assertThat(result.exitCode()).as(result.err()).isZero();
    } finally {
      agentLogger.detachAppender(appender);
    }

    // Environment variables such as KINESIS_TEST_ENDPOINT may add warnings of their own.
    List<String> warnings = appender.list.stream()
        .filter(e -> e.getLevel() == Level.WARN).map(ILoggingEvent::getFormattedMessage)
        .filter(m -> m.contains(" in " + config + " ")).toList();
    assertThat(warnings).containsExactly(
        "Unknown setting AGENT_BACTH_SIZE in " + config + " is ignored",
        "Unknown setting AWS_SECRET_KEY in " + config + " is ignored",
        "Setting JWT_SECRET in " + config + " has no effect: this agent includes no client "
            + "for the service it configures",
        "Unknown setting KINESIS_STREEM in " + config + " is ignored",
        "Unknown setting LOW_STOPS in " + config + " is ignored");
    assertThat(String.join("\n", warnings)).doesNotContain("hidden");
  }

  private static JsonNode find(JsonNode processes, String name) {
    for (JsonNode process : processes) {
      if (process.path("process").asText().equals(name)) {
        return process;
      }
    }
    return null;
  }

  // The original captured emitted events before they were saved, so without a submission id.
  private static String withoutSubmissionId(JsonNode events) {
    JsonNode copy = events.deepCopy();
    copy.forEach(e -> ((ObjectNode) e).putNull("submission_id"));
    return PythonJson.write(copy);
  }
}
