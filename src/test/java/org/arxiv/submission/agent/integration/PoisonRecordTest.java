package org.arxiv.submission.agent.integration;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.arxiv.submission.agent.Samples;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Records that cannot be decoded, between valid records of one submission on one shard: the
 * agent quarantines them with their bytes and the error, reads on, and a re-drive from
 * quarantine still finds them invalid.
 */
class PoisonRecordTest {

  private static final String NOT_JSON = "SetTitle {\"title\": unterminated";

  @TempDir
  Path folder;

  @Test
  void badRecordsQuarantinedShardMovesOn() throws Exception {
    List<String> samples = Samples.recordLines();
    // Sample line n is at index n - 1. Lines 2 to 25 are submission 1 from creation to
    // finalization; lines 10 and 11 are spoiled in place.
    String unknownType = samples.get(9).replace("\"SetTitle\"", "\"SetColour\"");
    String noCreatorId = samples.get(10).replaceFirst("\"native_id\": \"1234\", ", "");
    assertThat(noCreatorId).as("line 11 without its creator's native_id")
        .isNotEqualTo(samples.get(10));

    try (TestDatabase database = TestDatabase.create();
        TestStream stream = TestStream.create(1)) {
      Map<String, String> settings = InProcessAgent.settings(stream, database, "agent-a");
      List<String> poison = List.of(NOT_JSON, unknownType, noCreatorId);
      List<TestStream.Put> poisonPuts = new ArrayList<>();
      for (String line : samples.subList(1, 9)) {
        stream.put("1", line);
      }
      stream.put("1", "{}");
      for (String line : poison) {
        poisonPuts.add(stream.put("1", line));
      }
      for (String line : samples.subList(11, 25)) {
        stream.put("1", line);
      }

      try (InProcessAgent agent = InProcessAgent.start(settings)) {
        agent.awaitIdle(Duration.ofSeconds(60));
      }

      List<TestDatabase.Quarantined> quarantined = database.quarantined();
      assertThat(quarantined).as("quarantined records").hasSize(3);
      List<String> errors = List.of("record is not JSON", "unknown event type \"SetColour\"",
          "native_id");
      for (int i = 0; i < 3; i++) {
        TestDatabase.Quarantined record = quarantined.get(i);
        assertThat(new String(record.data(), StandardCharsets.UTF_8)).as("bytes of record %d", i)
            .isEqualTo(poison.get(i));
        assertThat(record.sequenceNumber()).as("sequence number of record %d", i)
            .isEqualTo(poisonPuts.get(i).sequenceNumber());
        assertThat(record.shardId()).as("shard of record %d", i).isEqualTo(TestStream.SHARD_0);
        assertThat(record.partitionKey()).as("partition key of record %d", i).isEqualTo("1");
        assertThat(record.error()).as("error of record %d", i).contains(errors.get(i));
      }
      DispatchAssertions.assertExactlyOnce(database, stream);
      assertThat(database.runs()).as("runs of the records after the bad ones")
          .anySatisfy(run -> assertThat(run.triggerEventType()).isEqualTo("FinalizeSubmission"));

      long runs = database.count("SELECT COUNT(*) FROM process_run");
      Path config = Cli.writeConfig(folder.resolve("agent.properties"), settings);
      Cli.Result redrive = Cli.run("--config", config.toString(), "quarantine", "redrive");
      assertThat(redrive.exitCode()).as("redrive exit code; output: %s%s", redrive.out(),
          redrive.err()).isEqualTo(5);
      assertThat(redrive.out()).contains("Re-drove 0 of 3 records");
      for (int i = 0; i < 3; i++) {
        assertThat(redrive.out()).contains(quarantined.get(i).id() + ": quarantined: ");
      }
      assertThat(database.quarantined()).as("records still waiting after the re-drive")
          .allSatisfy(record -> assertThat(record.redriven()).isNull())
          .hasSize(3);
      assertThat(database.count("SELECT COUNT(*) FROM process_run"))
          .as("runs after the re-drive").isEqualTo(runs);
    }
  }
}
