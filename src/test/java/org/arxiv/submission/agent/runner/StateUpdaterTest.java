package org.arxiv.submission.agent.runner;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.util.List;
import org.arxiv.submission.agent.Samples;
import org.arxiv.submission.agent.TestAgents;
import org.arxiv.submission.agent.TestDatabases;
import org.arxiv.submission.agent.domain.Agent;
import org.arxiv.submission.agent.domain.Event;
import org.arxiv.submission.agent.domain.MetadataFlagType;
import org.arxiv.submission.agent.domain.Submission;
import org.arxiv.submission.agent.domain.event.AddMetadataFlag;
import org.arxiv.submission.agent.domain.event.RemoveFlag;
import org.arxiv.submission.agent.projection.Projector;
import org.arxiv.submission.agent.store.Database;
import org.arxiv.submission.agent.store.EventLogStore;
import org.arxiv.submission.agent.store.SubmissionStore;
import org.arxiv.submission.agent.stream.local.LocalEventStream;
import org.arxiv.submission.agent.wire.RecordCodec;
import org.arxiv.submission.agent.wire.RecordDecodeException;
import org.arxiv.submission.agent.wire.StreamRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The stored submission state as producer records and the agent's own events interleave: the
 * agent's events survive later producer records, and neither the agent's records coming back
 * nor producer events that the stored state rejects move the state backwards.
 */
class StateUpdaterTest {

  private static final Clock CLOCK = Clock.systemUTC();

  /** Two consecutive producer records of one submission: the second starts where the first ends. */
  private record Pair(StreamRecord first, StreamRecord second) {}

  private Database database;
  private SubmissionStore submissions;
  private EventLogStore eventLog;
  private StateUpdater updater;
  private EventEmitter emitter;

  @AfterEach
  void closeDatabase() {
    if (database != null) {
      database.close();
    }
  }

  private void open(TestDatabases.Kind kind) {
    database = Database.open(TestDatabases.create(kind));
    submissions = new SubmissionStore(database.dialect(), CLOCK);
    eventLog = new EventLogStore(database.dialect(), CLOCK);
    Projector projector = new Projector();
    updater = new StateUpdater(submissions, eventLog, projector, CLOCK);
    emitter = new EventEmitter(submissions, eventLog,
        new LocalEventStream(database, "events", CLOCK), projector, CLOCK);
  }

  @ParameterizedTest
  @EnumSource(TestDatabases.Kind.class)
  void producerRecordKeepsAgentEvents(TestDatabases.Kind kind) throws Exception {
    open(kind);
    Pair pair = consecutivePair();
    long id = pair.first().after().submissionId();
    update(pair.first());
    assertThat(stored(id)).isEqualTo(pair.first().after());

    Event flag = Event.create(Agent.system("CheckTitleForUnicodeAbuse"), id,
        new AddMetadataFlag(null, "test flag", MetadataFlagType.CHARACTER_SET, "title"));
    Event emitted = database.inTransaction(c -> emitter.emit(c, id, pair.first().after(),
        List.of(flag), "process-1", "check")).applied().get(0);
    update(pair.second());

    Submission merged = stored(id);
    assertThat(merged.status()).isEqualTo(pair.second().after().status());
    assertThat(merged.title()).isEqualTo(pair.second().after().title());
    assertThat(merged.toJson().get("flags").has(emitted.eventId()))
        .as("flags after the producer record: %s", merged.toJson().get("flags")).isTrue();

    update(new StreamRecord(emitted, emitted.before(), emitted.after()));
    assertThat(stored(id)).as("state after the agent's own record comes back")
        .isEqualTo(merged);
  }

  @ParameterizedTest
  @EnumSource(TestDatabases.Kind.class)
  void rejectedProducerEventKeepsState(TestDatabases.Kind kind) throws Exception {
    open(kind);
    Pair pair = consecutivePair();
    long id = pair.first().after().submissionId();
    update(pair.first());

    Event removal = Event.create(TestAgents.user(), id, new RemoveFlag("no-such-flag"))
        .applied(pair.second().event().created(), id, pair.first().before(),
            pair.first().before());
    update(new StreamRecord(removal, pair.first().before(), pair.first().before()));

    assertThat(stored(id)).isEqualTo(pair.first().after());
  }

  private void update(StreamRecord record) {
    database.inTransaction(c -> {
      updater.update(c, record);
      return null;
    });
  }

  private Submission stored(long id) {
    return database.inTransaction(c -> submissions.load(c, id, false)).orElseThrow();
  }

  private static Pair consecutivePair() throws RecordDecodeException {
    StreamRecord previous = null;
    for (String line : Samples.recordLines()) {
      StreamRecord record;
      try {
        record = RecordCodec.decode(line);
      } catch (RecordDecodeException e) {
        continue;
      }
      if (previous != null && record.after().submissionId() != null
          && record.before().equals(previous.after())
          && record.event().creator().agentType() == Agent.AgentType.USER) {
        return new Pair(previous, record);
      }
      previous = record;
    }
    throw new AssertionError("no two consecutive records of one submission in the samples");
  }
}
