package org.arxiv.submission.agent;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.arxiv.submission.agent.config.Settings;
import org.arxiv.submission.agent.domain.Event;
import org.arxiv.submission.agent.rules.TriggeredProcess;
import org.arxiv.submission.agent.runner.JobQueue;
import org.arxiv.submission.agent.store.ProcessRun;
import org.arxiv.submission.agent.stream.StreamConsumer;
import org.arxiv.submission.agent.stream.StreamPublisher.OutgoingRecord;
import org.arxiv.submission.agent.wire.RecordCodec;
import org.arxiv.submission.agent.wire.StreamRecord;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The whole agent on its embedded stream: the sample records go in, the processes they
 * trigger (and those triggered by the events the processes emit) run to an outcome, and a
 * second pass over the same records starts nothing again.
 */
class EmbeddedAgentTest {

  private static final Set<String> NETWORK_PROCESSES = Set.of("RunAutoclassifier",
      "SendConfirmationEmail", "CheckPDFSize", "CopySourceToLegacy", "CopyPDFPreviewToLegacy");

  @ParameterizedTest
  @EnumSource(TestDatabases.Kind.class)
  void sampleRecordsRunEveryTriggeredProcessOnce(TestDatabases.Kind kind) throws Exception {
    Settings settings = settingsFor(kind);
    try (AgentRuntime runtime =
        AgentRuntime.open(settings, Clock.systemUTC(), new SimpleMeterRegistry())) {
      publishSamples(runtime);
      runUntilIdle(runtime);

      List<ProcessRun> runs = allRuns(runtime);
      Map<String, Set<String>> byTrigger = runs.stream().collect(Collectors.groupingBy(
          ProcessRun::triggerEventId,
          Collectors.mapping(ProcessRun::process, Collectors.toSet())));
      for (String line : Samples.recordLines().subList(1, Samples.recordLines().size())) {
        StreamRecord record = RecordCodec.decode(line);
        Event event = record.event();
        Set<String> expected = runtime.rules()
            .evaluate(event, record.before(), record.after()).stream()
            .map(TriggeredProcess::processName).collect(Collectors.toSet());
        assertThat(byTrigger.getOrDefault(event.eventId(), Set.of()))
            .as("processes of %s %s", event.eventType(), event.eventId())
            .isEqualTo(expected);
      }
      assertThat(runs).allSatisfy(run -> assertThat(run.isFinished()).isTrue());
      assertThat(runs).filteredOn(r -> NETWORK_PROCESSES.contains(r.process()))
          .allSatisfy(run -> {
            assertThat(run.status()).isEqualTo(ProcessRun.FAILED);
            assertThat(run.reason()).contains("which this agent has no client for");
          });
      assertThat(runs).filteredOn(r -> !NETWORK_PROCESSES.contains(r.process()))
          .allSatisfy(run -> assertThat(run.status())
              .as("%s %s: %s", run.process(), run.processId(), run.reason())
              .isEqualTo(ProcessRun.SUCCEEDED));
      // The events the processes emit come back through the stream and trigger rules too:
      // the system proposals of line 16 and 40 start AcceptSystemCrossListProposals.
      assertThat(runs).filteredOn(r -> r.triggerEventType().equals("AddProposal"))
          .hasSizeGreaterThan(2);

      // The agent's own records come back after later producer records, and must not move the
      // stored state back: each submission ends in the status of its last sample record.
      Map<Long, String> lastStatus = new HashMap<>();
      for (String line : Samples.recordLines().subList(1, Samples.recordLines().size())) {
        StreamRecord record = RecordCodec.decode(line);
        if (record.after().submissionId() != null) {
          lastStatus.put(record.after().submissionId(), record.after().status());
        }
      }
      lastStatus.forEach((id, status) -> assertThat(runtime.database()
          .inTransaction(c -> runtime.submissions().load(c, id, false)).orElseThrow().status())
          .as("stored status of submission %s", id).isEqualTo(status));

      int before = runs.size();
      publishSamples(runtime);
      runUntilIdle(runtime);
      assertThat(allRuns(runtime)).hasSize(before);
    }
  }

  private static Settings settingsFor(TestDatabases.Kind kind) {
    var database = TestDatabases.create(kind);
    Map<String, String> values = new HashMap<>();
    values.put("AGENT_DATABASE_URL", database.url());
    if (database.user() != null) {
      values.put("AGENT_DATABASE_USER", database.user());
    }
    values.put("AGENT_IDLE_SLEEP_MS", "50");
    values.put("AGENT_QUEUE_POLL_MS", "100");
    values.put("KINESIS_STREAM", "embedded-test");
    return Settings.of(values);
  }

  private static void publishSamples(AgentRuntime runtime) throws InterruptedException {
    List<OutgoingRecord> records = Samples.recordLines().stream()
        .map(line -> new OutgoingRecord("0", line.getBytes(StandardCharsets.UTF_8)))
        .toList();
    runtime.stream().publisher().publish(records);
  }

  private static void runUntilIdle(AgentRuntime runtime) throws InterruptedException {
    try (JobQueue queue = runtime.openQueue(2);
        StreamConsumer consumer = runtime.startConsumer(queue)) {
      long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
      int idle = 0;
      while (idle < 5 && System.nanoTime() < deadline) {
        Thread.sleep(200);
        boolean quiet = consumer.isCaughtUp() && runtime.database()
            .inTransaction(c -> runtime.runs().countUnfinished(c)) == 0;
        idle = quiet ? idle + 1 : 0;
      }
      assertThat(idle).as("agent became idle within 120 s").isEqualTo(5);
    }
  }

  private static List<ProcessRun> allRuns(AgentRuntime runtime) {
    return runtime.database().inTransaction(c -> {
      List<ProcessRun> all = new java.util.ArrayList<>();
      for (long id = 1; id <= 3; id++) {
        all.addAll(runtime.runs().listBySubmission(c, id));
      }
      return all;
    });
  }
}
