package org.arxiv.submission.agent.runner;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import org.arxiv.submission.agent.domain.Event;
import org.arxiv.submission.agent.domain.ProcessStatusValue;
import org.arxiv.submission.agent.domain.event.AddProcessStatus;
import org.arxiv.submission.agent.process.ProcessDefinition;
import org.arxiv.submission.agent.rules.RuleRegistry;
import org.arxiv.submission.agent.rules.TriggeredProcess;
import org.arxiv.submission.agent.store.CheckpointStore;
import org.arxiv.submission.agent.store.EventLogStore;
import org.arxiv.submission.agent.store.ProcessRun;
import org.arxiv.submission.agent.store.ProcessRunStore;
import org.arxiv.submission.agent.store.QuarantineStore;
import org.arxiv.submission.agent.stream.RawRecord;
import org.arxiv.submission.agent.wire.MissingRecordKeyException;
import org.arxiv.submission.agent.wire.PythonJson;
import org.arxiv.submission.agent.wire.RecordCodec;
import org.arxiv.submission.agent.wire.RecordDecodeException;
import org.arxiv.submission.agent.wire.StreamRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Handles one stream record inside the caller's transaction: stores the submission state and
 * any process status event, evaluates the rules, records the processes they start together
 * with their PENDING status, and moves the shard's checkpoint past the record.
 *
 * <p>Because all of it commits at once, a crash before the commit repeats the record and a
 * crash after it does not; a redelivered record finds its processes already recorded (they are
 * unique per trigger event and process) and starts nothing twice.
 */
public final class Dispatcher {

  private static final Logger log = LoggerFactory.getLogger(Dispatcher.class);

  /** The outcome of handling a record, and the runs to hand to the queue after the commit. */
  public record Result(Outcome outcome, String eventType, String reason, List<String> newRuns) {}

  /** The ways a record can be handled. */
  public enum Outcome { PROCESSED, SKIPPED, QUARANTINED }

  private final RuleRegistry rules;
  private final Function<String, Optional<ProcessDefinition>> catalog;
  private final StateUpdater states;
  private final EventLogStore eventLog;
  private final ProcessRunStore runs;
  private final CheckpointStore checkpoints;
  private final QuarantineStore quarantine;
  private final EventEmitter emitter;
  private final Clock clock;

  public Dispatcher(RuleRegistry rules, Function<String, Optional<ProcessDefinition>> catalog,
      StateUpdater states, EventLogStore eventLog, ProcessRunStore runs,
      CheckpointStore checkpoints, QuarantineStore quarantine, EventEmitter emitter,
      Clock clock) {
    this.rules = rules;
    this.catalog = catalog;
    this.states = states;
    this.eventLog = eventLog;
    this.runs = runs;
    this.checkpoints = checkpoints;
    this.quarantine = quarantine;
    this.emitter = emitter;
    this.clock = clock;
  }

  /** Handles the record and checkpoints it, in the caller's transaction. */
  public Result handle(Connection connection, String stream, RawRecord raw) throws SQLException {
    Result result = dispatch(connection, stream, raw);
    checkpoints.save(connection, stream, raw.shardId(), raw.sequenceNumber());
    return result;
  }

  /**
   * Quarantines the record with the error and checkpoints past it, in the caller's
   * transaction; used when its handling failed for good.
   */
  public void quarantine(Connection connection, String stream, RawRecord raw, String error)
      throws SQLException {
    quarantine.add(connection, stream, raw.shardId(), raw.sequenceNumber(), raw.partitionKey(),
        raw.data(), error);
    checkpoints.save(connection, stream, raw.shardId(), raw.sequenceNumber());
  }

  /** Handles the record without moving any checkpoint, as a re-drive from quarantine does. */
  public Result dispatch(Connection connection, String stream, RawRecord raw)
      throws SQLException {
    StreamRecord record;
    try {
      record = RecordCodec.decode(raw.data());
      if (record.event().created() == null) {
        throw new RecordDecodeException("event has no created time, so it has no event id");
      }
    } catch (MissingRecordKeyException e) {
      // A document without any of the three keys (the producers' {} health check) is not an
      // error. Anything else that cannot be decoded is kept for inspection.
      log.info("Skipping record {} of shard {}: {}, so it is not a submission event",
          raw.sequenceNumber(), raw.shardId(), e.getMessage());
      return new Result(Outcome.SKIPPED, null, e.getMessage(), List.of());
    } catch (RecordDecodeException e) {
      return undecodable(connection, stream, raw, e.getMessage());
    }
    Event event = record.event();
    states.update(connection, record);
    if (event.data() instanceof AddProcessStatus) {
      eventLog.storeStatusEvent(connection, event);
    }
    List<String> started = new ArrayList<>();
    for (TriggeredProcess triggered : rules.evaluate(event, record.before(), record.after())) {
      Optional<String> processId = start(connection, raw, stream, record, triggered);
      processId.ifPresent(started::add);
    }
    return new Result(Outcome.PROCESSED, event.eventType(), null, started);
  }

  private Result undecodable(Connection connection, String stream, RawRecord raw,
      String reason) throws SQLException {
    log.warn("Quarantining record {} of shard {}: {}", raw.sequenceNumber(), raw.shardId(),
        reason);
    quarantine.add(connection, stream, raw.shardId(), raw.sequenceNumber(), raw.partitionKey(),
        raw.data(), reason);
    return new Result(Outcome.QUARANTINED, null, reason, List.of());
  }

  private Optional<String> start(Connection connection, RawRecord raw, String stream,
      StreamRecord record, TriggeredProcess triggered) throws SQLException {
    Event event = record.event();
    Instant now = clock.instant();
    String processId = UUID.randomUUID().toString();
    ProcessRun run = new ProcessRun(processId, triggered.processName(), event.submissionId(),
        event.eventId(), event.eventType(), new String(raw.data(), StandardCharsets.UTF_8),
        PythonJson.write(triggered.params()), ProcessRun.PENDING, 0, 0, "[]", null, false,
        stream, raw.shardId(), raw.sequenceNumber(), now, now);
    if (!runs.insertIfAbsent(connection, run)) {
      log.info("Record {} of shard {} already started {} for event {}; not starting it again",
          raw.sequenceNumber(), raw.shardId(), triggered.processName(), event.eventId());
      return Optional.empty();
    }
    Optional<ProcessDefinition> process = catalog.apply(triggered.processName());
    if (process.isPresent() && event.submissionId() != null) {
      Event pending = ProcessStatusEvents.of(process.get(), processId, event.submissionId(), null,
          ProcessStatusValue.PENDING, null);
      emitter.emit(connection, event.submissionId(), record.after(), List.of(pending), processId,
          null);
    }
    log.info("Started {} {} for {} of submission {}", triggered.processName(), processId,
        event.eventType(), event.submissionId());
    return Optional.of(processId);
  }
}
