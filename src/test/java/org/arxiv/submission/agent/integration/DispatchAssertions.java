package org.arxiv.submission.agent.integration;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.sql.SQLException;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.arxiv.submission.agent.domain.Event;
import org.arxiv.submission.agent.rules.PolicyConfig;
import org.arxiv.submission.agent.rules.RuleRegistry;
import org.arxiv.submission.agent.rules.TriggeredProcess;
import org.arxiv.submission.agent.stream.RawRecord;
import org.arxiv.submission.agent.wire.Json;
import org.arxiv.submission.agent.wire.RecordCodec;
import org.arxiv.submission.agent.wire.RecordDecodeException;
import org.arxiv.submission.agent.wire.StreamRecord;
import software.amazon.awssdk.services.kinesis.model.Shard;

/**
 * Checks of what the agent stored against what is on the stream: every record's processes
 * started once and finished, no step's events committed twice, emitted events put on the
 * stream and read back, and every shard's checkpoint at its end.
 */
final class DispatchAssertions {

  /** A process a trigger event starts: the unique key of {@code process_run}. */
  record Trigger(String eventId, String process) {
    @Override
    public String toString() {
      return process + " for " + eventId;
    }
  }

  /** The rules with the default policy, as the test agents are configured. */
  private static final RuleRegistry RULES = RuleRegistry.standard(PolicyConfig.from(key -> null));

  private DispatchAssertions() {}

  /**
   * Returns the processes the rules start for the records: every decodable record with an
   * event id, so the {@code {}} health check and undecodable records expect none. A record
   * that appears twice (an emitted event published again) expects its processes once.
   */
  static Set<Trigger> expectedTriggers(List<RawRecord> records) {
    Set<Trigger> expected = new LinkedHashSet<>();
    for (RawRecord raw : records) {
      StreamRecord record = decodeOrNull(raw);
      if (record == null || record.event().created() == null) {
        continue;
      }
      Event event = record.event();
      for (TriggeredProcess triggered :
          RULES.evaluate(event, record.before(), record.after())) {
        expected.add(new Trigger(event.eventId(), triggered.processName()));
      }
    }
    return expected;
  }

  /** Returns the ids of the events of the decodable records. */
  static Set<String> eventIds(List<RawRecord> records) {
    Set<String> ids = new HashSet<>();
    for (RawRecord raw : records) {
      StreamRecord record = decodeOrNull(raw);
      if (record != null && record.event().created() != null) {
        ids.add(record.event().eventId());
      }
    }
    return ids;
  }

  private static StreamRecord decodeOrNull(RawRecord raw) {
    try {
      return RecordCodec.decode(raw.data());
    } catch (RecordDecodeException e) {
      return null;
    }
  }

  /**
   * Asserts that each process the rules start for the records has exactly one run, that no
   * other run exists, and that every run finished.
   */
  static void assertEveryRecordDispatchedOnce(TestDatabase database, List<RawRecord> records)
      throws SQLException {
    assertThat(database.rows("SELECT trigger_event_id, process, COUNT(*) FROM process_run"
        + " GROUP BY trigger_event_id, process HAVING COUNT(*) > 1"))
        .as("triggers with more than one run").isEmpty();

    List<TestDatabase.Run> runs = database.runs();
    Set<Trigger> started = runs.stream()
        .map(run -> new Trigger(run.triggerEventId(), run.process()))
        .collect(Collectors.toSet());
    Set<Trigger> expected = expectedTriggers(records);
    assertThat(difference(expected, started)).as("processes the rules start that never ran")
        .isEmpty();
    assertThat(difference(started, expected)).as("runs no record on the stream explains")
        .isEmpty();
    assertThat(runs.stream().filter(run -> !run.isFinished()).toList())
        .as("unfinished runs").isEmpty();
  }

  /**
   * Asserts that no step of any process had its outcome committed twice. A step commits its
   * events and one status event together, so a repeated commit leaves two status events with
   * the same process, step and status, and two events of the same step that differ only in
   * their creation time. One step may emit several events of one type with different content,
   * such as one duplicate-title flag per similar title.
   */
  static void assertNoStepCommittedTwice(TestDatabase database) throws SQLException {
    Map<Boolean, List<TestDatabase.Emitted>> byKind = database.emitted().stream()
        .collect(Collectors.partitioningBy(e -> e.eventType().equals("AddProcessStatus")));

    assertThat(repeated(byKind.get(true), DispatchAssertions::statusKey))
        .as("status events emitted more than once (process id / status / step)").isEmpty();
    assertThat(repeated(byKind.get(false), DispatchAssertions::contentKey))
        .as("events emitted more than once by one step (process id / step / event)").isEmpty();
  }

  private static List<String> repeated(List<TestDatabase.Emitted> events,
      Function<TestDatabase.Emitted, String> key) {
    return events.stream()
        .collect(Collectors.groupingBy(key, Collectors.counting()))
        .entrySet().stream()
        .filter(entry -> entry.getValue() > 1)
        .map(Map.Entry::getKey)
        .toList();
  }

  private static String statusKey(TestDatabase.Emitted event) {
    JsonNode json = parse(event);
    return event.processId() + " / " + json.path("status").asText() + " / "
        + json.path("step").asText(null);
  }

  private static String contentKey(TestDatabase.Emitted event) {
    ObjectNode json = (ObjectNode) parse(event);
    json.remove("created");
    return event.processId() + " / " + event.step() + " / " + json;
  }

  private static JsonNode parse(TestDatabase.Emitted event) {
    try {
      return Json.mapper().readTree(event.event());
    } catch (JsonProcessingException e) {
      throw new AssertionError("emitted event " + event.eventId() + " is not JSON", e);
    }
  }

  /**
   * Asserts that the relay put every event the agent emitted on the stream, that the outbox is
   * empty, and that the consumer read the emitted status events back.
   */
  static void assertEmittedEventsConsumed(TestDatabase database, List<RawRecord> records)
      throws SQLException {
    List<TestDatabase.Emitted> emitted = database.emitted();
    assertThat(emitted).as("events the agent emitted").isNotEmpty();
    assertThat(database.count("SELECT COUNT(*) FROM outbox_record"))
        .as("records left in the outbox").isZero();

    Set<String> onStream = eventIds(records);
    assertThat(emitted.stream().filter(event -> !onStream.contains(event.eventId())).toList())
        .as("emitted events missing from the stream").isEmpty();

    Set<String> consumed = new HashSet<>(
        database.column("SELECT event_id FROM process_status_event"));
    assertThat(emitted.stream()
        .filter(event -> event.eventType().equals("AddProcessStatus"))
        .map(TestDatabase.Emitted::eventId)
        .filter(id -> !consumed.contains(id)).toList())
        .as("emitted status events the consumer did not read back").isEmpty();
  }

  /**
   * Asserts that each shard's checkpoint is at its last record, and that exactly the closed
   * shards are marked finished.
   */
  static void assertCheckpointsAtEnd(TestDatabase database, TestStream stream,
      Map<String, List<RawRecord>> recordsByShard) throws SQLException {
    Map<String, TestDatabase.Checkpoint> checkpoints = database.checkpoints(stream.name());
    for (Shard shard : stream.shards()) {
      String shardId = shard.shardId();
      List<RawRecord> records = recordsByShard.getOrDefault(shardId, List.of());
      boolean closed = shard.sequenceNumberRange().endingSequenceNumber() != null;
      TestDatabase.Checkpoint checkpoint = checkpoints.get(shardId);
      if (records.isEmpty() && !closed) {
        continue;
      }
      assertThat(checkpoint).as("checkpoint of %s", shardId).isNotNull();
      if (!records.isEmpty()) {
        assertThat(checkpoint.sequenceNumber()).as("checkpoint of %s", shardId)
            .isEqualTo(records.get(records.size() - 1).sequenceNumber());
      }
      assertThat(checkpoint.finished()).as("%s (closed: %s) marked finished", shardId, closed)
          .isEqualTo(closed);
    }
  }

  /** Runs every check above on the whole stream. */
  static void assertExactlyOnce(TestDatabase database, TestStream stream) throws SQLException {
    Map<String, List<RawRecord>> byShard = stream.readAll();
    List<RawRecord> records = byShard.values().stream().flatMap(List::stream).toList();
    assertEveryRecordDispatchedOnce(database, records);
    assertNoStepCommittedTwice(database);
    assertEmittedEventsConsumed(database, records);
    assertCheckpointsAtEnd(database, stream, byShard);
  }

  private static <T> Set<T> difference(Set<T> from, Set<T> remove) {
    Set<T> result = new LinkedHashSet<>(from);
    result.removeAll(remove);
    return result;
  }
}
