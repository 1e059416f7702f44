package org.arxiv.submission.agent.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.arxiv.submission.agent.Samples;
import org.arxiv.submission.agent.TestDatabases;
import org.arxiv.submission.agent.domain.Submission;
import org.arxiv.submission.agent.process.ProcessServices.Candidate;
import org.arxiv.submission.agent.stream.StreamPublisher.OutgoingRecord;
import org.arxiv.submission.agent.stream.local.LocalEventStream;
import org.arxiv.submission.agent.stream.ShardBatch;
import org.arxiv.submission.agent.stream.StartPosition;
import org.arxiv.submission.agent.wire.RecordCodec;
import org.arxiv.submission.agent.wire.StreamRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The stores against each supported database. */
class StoreTest {

  private static final Clock CLOCK =
      Clock.fixed(Instant.parse("2020-03-03T00:00:00Z"), ZoneOffset.UTC);

  private static Database open(TestDatabases.Kind kind) {
    return Database.open(TestDatabases.create(kind));
  }

  @ParameterizedTest
  @EnumSource(TestDatabases.Kind.class)
  void checkpointIsUpdatedInPlace(TestDatabases.Kind kind) {
    try (Database database = open(kind)) {
      CheckpointStore store = new CheckpointStore(CLOCK);
      String big = "49680829013499024743648477197484155278421887551906250754";
      database.inTransaction(c -> {
        store.save(c, "s", "shard-1", "1");
        store.save(c, "s", "shard-1", big);
        return null;
      });
      var checkpoints = database.inTransaction(c -> store.list(c, "s"));
      assertThat(checkpoints).hasSize(1);
      assertThat(checkpoints.get(0).sequenceNumber()).isEqualTo(big);
      assertThat(checkpoints.get(0).shardFinished()).isFalse();
      database.inTransaction(c -> {
        store.markFinished(c, "s", "shard-1", null);
        return null;
      });
      var finished = database.inTransaction(c -> store.find(c, "s", "shard-1")).orElseThrow();
      assertThat(finished.shardFinished()).isTrue();
      assertThat(finished.sequenceNumber()).isEqualTo(big);
    }
  }

  @ParameterizedTest
  @EnumSource(TestDatabases.Kind.class)
  void processRunIsUniquePerTriggerAndProcess(TestDatabases.Kind kind) {
    try (Database database = open(kind)) {
      ProcessRunStore store = new ProcessRunStore(database.dialect(), CLOCK);
      ProcessRun first = run("p-1", "CheckPDFSize", "event-a");
      ProcessRun repeat = run("p-2", "CheckPDFSize", "event-a");
      ProcessRun other = run("p-3", "CopyPDFPreviewToLegacy", "event-a");
      List<Boolean> inserted = database.inTransaction(c -> List.of(
          store.insertIfAbsent(c, first), store.insertIfAbsent(c, repeat),
          store.insertIfAbsent(c, other)));
      assertThat(inserted).containsExactly(true, false, true);
      assertThat(database.<List<ProcessRun>>inTransaction(c -> store.listBySubmission(c, 7))).hasSize(2);
      assertThat(database.<List<ProcessRun>>inTransaction(c -> store.listUnqueued(c, 10))).hasSize(2);
      database.inTransaction(c -> {
        store.markQueued(c, "p-1");
        store.updateProgress(c, "p-1", ProcessRun.SUCCEEDED, 2, 0, "[1, 2]", null);
        return null;
      });
      ProcessRun done = database.inTransaction(c -> store.find(c, "p-1", true)).orElseThrow();
      assertThat(done.status()).isEqualTo(ProcessRun.SUCCEEDED);
      assertThat(done.nextStep()).isEqualTo(2);
      assertThat(done.queued()).isTrue();
      assertThat(database.inTransaction(store::countUnfinished)).isEqualTo(1);
    }
  }

  @ParameterizedTest
  @EnumSource(TestDatabases.Kind.class)
  void submissionStateIsReplacedByLaterRecord(TestDatabases.Kind kind) throws Exception {
    try (Database database = open(kind)) {
      SubmissionStore store = new SubmissionStore(database.dialect(), CLOCK);
      Submission titled = record(10).after();
      Submission withAbstract = record(11).after();
      assertThat(database.<Boolean>inTransaction(c -> store.save(c, titled))).isTrue();
      assertThat(database.<Boolean>inTransaction(c -> store.save(c, withAbstract))).isTrue();
      Optional<Submission> stored = database.inTransaction(c -> store.load(c, 1, false));
      assertThat(stored).contains(withAbstract);
      Submission created = record(2).after();
      assertThat(database.<Boolean>inTransaction(c -> store.save(c, created))).isFalse();
    }
  }

  @ParameterizedTest
  @EnumSource(TestDatabases.Kind.class)
  void titleWithNulCharacterIsStored(TestDatabases.Kind kind) throws Exception {
    try (Database database = open(kind)) {
      SubmissionStore store = new SubmissionStore(database.dialect(), CLOCK);
      Submission finalized = record(25).after();
      ((com.fasterxml.jackson.databind.node.ObjectNode) finalized.toJson().get("metadata"))
          .put("title", "Null\u0000 title");
      assertThat(database.<Boolean>inTransaction(c -> store.save(c, finalized))).isTrue();
      assertThat(database.inTransaction(c -> store.load(c, 1, false)).orElseThrow().title())
          .isEqualTo("Null\u0000 title");
      List<Candidate> candidates = database.inTransaction(
          c -> store.recentFinalized(c, 2L, Instant.parse("2020-01-01T00:00:00Z")));
      assertThat(candidates).extracting(Candidate::title).containsExactly("Null title");
    }
  }

  @ParameterizedTest
  @EnumSource(TestDatabases.Kind.class)
  void recentFinalizedListsOtherSubmittedTitles(TestDatabases.Kind kind) throws Exception {
    try (Database database = open(kind)) {
      SubmissionStore store = new SubmissionStore(database.dialect(), CLOCK);
      Submission finalizedA = record(25).after();
      Submission workingB = record(34).after();
      database.inTransaction(c -> {
        store.save(c, finalizedA);
        store.save(c, workingB);
        return null;
      });
      Instant since = Instant.parse("2020-01-01T00:00:00Z");
      List<Candidate> forB = database.inTransaction(c -> store.recentFinalized(c, 2L, since));
      assertThat(forB).extracting(Candidate::submissionId).containsExactly(1L);
      assertThat(forB.get(0).title()).isEqualTo(finalizedA.title());
      assertThat(database.<List<Candidate>>inTransaction(c -> store.recentFinalized(c, 1L, since))).isEmpty();
      Instant later = Instant.parse("2020-04-01T00:00:00Z");
      assertThat(database.<List<Candidate>>inTransaction(c -> store.recentFinalized(c, 2L, later))).isEmpty();
    }
  }

  @ParameterizedTest
  @EnumSource(TestDatabases.Kind.class)
  void insertIfAbsentIgnoresOnlyDuplicates(TestDatabases.Kind kind) {
    try (Database database = open(kind)) {
      String columns = "stream_name, shard_id, owner, expires, lease_count";
      java.util.function.Function<String, Boolean> insert = stream -> database.inTransaction(
          c -> Sql.insertIfAbsent(c, database.dialect(), "shard_lease", columns, statement -> {
            statement.setString(1, stream);
            statement.setString(2, "shardId-000000000000");
            statement.setString(3, "owner");
            Sql.setInstant(statement, 4, Instant.parse("2026-01-01T00:00:00Z"));
            statement.setLong(5, 0);
          }));
      assertThat(insert.apply("events")).isTrue();
      assertThat(insert.apply("events")).as("duplicate").isFalse();
      assertThatThrownBy(() -> insert.apply("x".repeat(200))).as("value over 128 characters")
          .isInstanceOf(StoreException.class);
      assertThat(database.<Integer>inTransaction(c -> {
        try (var statement = c.createStatement();
            var rows = statement.executeQuery("SELECT COUNT(*) FROM shard_lease")) {
          rows.next();
          return rows.getInt(1);
        }
      })).as("rows after the rejected insert").isEqualTo(1);
    }
  }

  @Test
  void mysqlSchemeOpensMariaDb() {
    DatabaseSettings mariadb = TestDatabases.create(TestDatabases.Kind.MARIADB);
    DatabaseSettings mysql = new DatabaseSettings(
        mariadb.url().replace("jdbc:mariadb:", "jdbc:mysql:"), mariadb.user(),
        mariadb.password(), 2, Duration.ofSeconds(5));
    try (Database database = Database.open(mysql)) {
      assertThat(database.dialect()).isEqualTo(Dialect.MARIADB);
      assertThat(database.<Integer>inTransaction(c -> c.getMetaData().getURL().length()))
          .isPositive();
    }
  }

  @ParameterizedTest
  @EnumSource(TestDatabases.Kind.class)
  void localStreamReadsInSequenceOrder(TestDatabases.Kind kind) throws Exception {
    try (Database database = open(kind)) {
      LocalEventStream stream = new LocalEventStream(database, "events", CLOCK);
      List<String> sequences = stream.publisher().publish(List.of(
          new OutgoingRecord("1", "a".getBytes()), new OutgoingRecord("2", "b".getBytes()),
          new OutgoingRecord("1", "c".getBytes())));
      assertThat(sequences).containsExactly("1", "2", "3");
      ShardBatch fromStart = stream.openReader(LocalEventStream.SHARD_ID,
          new StartPosition.TrimHorizon()).read(10);
      assertThat(fromStart.records()).extracting(r -> new String(r.data()))
          .containsExactly("a", "b", "c");
      assertThat(fromStart.recordsBehind()).isZero();
      ShardBatch afterFirst = stream.openReader(LocalEventStream.SHARD_ID,
          new StartPosition.AfterSequenceNumber("1")).read(1);
      assertThat(afterFirst.records()).extracting(r -> new String(r.data())).containsExactly("b");
      assertThat(afterFirst.recordsBehind()).as("records after the one read").isEqualTo(1);
      ShardBatch latest = stream.openReader(LocalEventStream.SHARD_ID,
          new StartPosition.Latest()).read(10);
      assertThat(latest.records()).isEmpty();
    }
  }

  @ParameterizedTest
  @EnumSource(TestDatabases.Kind.class)
  void leaseHasOneOwnerUntilItExpires(TestDatabases.Kind kind) throws Exception {
    try (Database database = open(kind)) {
      LeaseStore leases = new LeaseStore(database.dialect());
      Duration shortLease = Duration.ofMillis(300);
      assertThat(database.<Boolean>inTransaction(
          c -> leases.acquire(c, "s", "shard-1", "a", shortLease))).isTrue();
      assertThat(database.<Boolean>inTransaction(
          c -> leases.acquire(c, "s", "shard-1", "b", shortLease))).isFalse();
      assertThat(database.<Boolean>inTransaction(c -> leases.holds(c, "s", "shard-1", "a"))).isTrue();
      awaitExpiry(database, leases);
      assertThat(database.<Boolean>inTransaction(
          c -> leases.acquire(c, "s", "shard-1", "b", Duration.ofMinutes(1)))).isTrue();
      assertThat(database.<Boolean>inTransaction(
          c -> leases.renew(c, "s", "shard-1", "a", Duration.ofMinutes(1)))).isFalse();
      database.inTransaction(c -> {
        leases.release(c, "s", "shard-1", "b");
        return null;
      });
      assertThat(database.<Boolean>inTransaction(
          c -> leases.acquire(c, "s", "shard-1", "a", Duration.ofMinutes(1)))).isTrue();
    }
  }

  @ParameterizedTest
  @EnumSource(TestDatabases.Kind.class)
  void quarantineKeepsRawBytesOncePerPosition(TestDatabases.Kind kind) {
    try (Database database = open(kind)) {
      QuarantineStore store = new QuarantineStore(database.dialect(), CLOCK);
      byte[] data = {(byte) 0xff, 0x00, 0x7b};
      List<Boolean> added = database.inTransaction(c -> List.of(
          store.add(c, "s", "shard-1", "42", "0", data, "record is not JSON"),
          store.add(c, "s", "shard-1", "42", "0", data, "record is not JSON")));
      assertThat(added).containsExactly(true, false);
      var records = database.inTransaction(c -> store.list(c, true));
      assertThat(records).hasSize(1);
      assertThat(records.get(0).data()).isEqualTo(data);
      database.inTransaction(c -> {
        store.markRedriven(c, records.get(0).id(), null);
        return null;
      });
      assertThat(database.inTransaction(store::countPending)).isZero();
    }
  }

  // Waits on the database clock, which decides lease expiry, rather than sleeping blindly.
  private static void awaitExpiry(Database database, LeaseStore leases) throws Exception {
    Instant start = database.inTransaction(leases::databaseNow);
    long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
    while (database.inTransaction(leases::databaseNow)
        .isBefore(start.plusMillis(400)) && System.nanoTime() < deadline) {
      Thread.sleep(20);
    }
  }

  private static ProcessRun run(String id, String process, String eventId) {
    Instant now = CLOCK.instant();
    return new ProcessRun(id, process, 7L, eventId, "ConfirmPreview", "{}", "{}",
        ProcessRun.PENDING, 0, 0, "[]", null, false, "s", "shard-1", "5", now, now);
  }

  private static StreamRecord record(int line) throws Exception {
    return RecordCodec.decode(Samples.recordLines().get(line - 1));
  }
}
