package org.arxiv.submission.agent;

import io.micrometer.core.instrument.MeterRegistry;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;
import org.arxiv.submission.agent.config.AgentSettings;
import org.arxiv.submission.agent.config.Settings;
import org.arxiv.submission.agent.process.ProcessCatalog;
import org.arxiv.submission.agent.process.ProcessDefinition;
import org.arxiv.submission.agent.process.ProcessServices;
import org.arxiv.submission.agent.projection.Projector;
import org.arxiv.submission.agent.rules.PolicyConfig;
import org.arxiv.submission.agent.rules.RuleRegistry;
import org.arxiv.submission.agent.runner.Dispatcher;
import org.arxiv.submission.agent.runner.EventEmitter;
import org.arxiv.submission.agent.runner.JobQueue;
import org.arxiv.submission.agent.runner.ProcessWorker;
import org.arxiv.submission.agent.runner.RunnerMetrics;
import org.arxiv.submission.agent.runner.StateUpdater;
import org.arxiv.submission.agent.runner.StepRunner;
import org.arxiv.submission.agent.services.StoreProcessServices;
import org.arxiv.submission.agent.store.CheckpointStore;
import org.arxiv.submission.agent.store.Database;
import org.arxiv.submission.agent.store.EventLogStore;
import org.arxiv.submission.agent.store.LeaseStore;
import org.arxiv.submission.agent.store.ProcessRunStore;
import org.arxiv.submission.agent.store.QuarantineStore;
import org.arxiv.submission.agent.store.OutboxStore;
import org.arxiv.submission.agent.store.SubmissionStore;
import org.arxiv.submission.agent.stream.ConsumerMetrics;
import org.arxiv.submission.agent.stream.ConsumerSettings;
import org.arxiv.submission.agent.stream.EventStream;
import org.arxiv.submission.agent.stream.ShardInfo;
import org.arxiv.submission.agent.stream.StartPosition;
import org.arxiv.submission.agent.stream.StreamConsumer;
import org.arxiv.submission.agent.stream.TransactionalWriter;
import org.arxiv.submission.agent.stream.kinesis.KinesisEventStream;
import org.arxiv.submission.agent.stream.kinesis.KinesisSettings;
import org.arxiv.submission.agent.stream.local.LocalEventStream;
import org.arxiv.submission.agent.stream.outbox.OutboxRelay;

/**
 * The agent's components wired from its settings: database and stores, stream, rules,
 * processes, dispatcher and workers. Commands open one, use the parts they need and close it.
 */
public final class AgentRuntime implements AutoCloseable {

  private final Settings settings;
  private final AgentSettings agentSettings;
  private final Clock clock;
  private final Database database;
  private final EventStream stream;
  private final TransactionalWriter writer;
  private final RuleRegistry rules;
  private final ProcessCatalog catalog;
  private final SubmissionStore submissions;
  private final EventLogStore eventLog;
  private final ProcessRunStore runs;
  private final CheckpointStore checkpoints;
  private final QuarantineStore quarantine;
  private final LeaseStore leases;
  private final EventEmitter emitter;
  private final Dispatcher dispatcher;
  private final ProcessWorker worker;
  private final ConsumerMetrics consumerMetrics;
  private final String owner;
  private final KinesisSettings kinesis;
  private final OutboxRelay relay;
  private final AtomicBoolean streamReady = new AtomicBoolean();

  private AgentRuntime(Settings settings, Clock clock, MeterRegistry registry) {
    // Every setting is checked before the database is opened, so that a typo stops the agent
    // before migrations run.
    this.settings = settings;
    this.agentSettings = AgentSettings.from(settings);
    this.clock = clock;
    this.rules = RuleRegistry.standard(PolicyConfig.from(settings.lookup()));
    this.catalog = ProcessCatalog.standard();
    this.kinesis = agentSettings.stream() == AgentSettings.StreamType.KINESIS
        ? KinesisSettings.fromLookup(settings.lookup(), clock) : null;
    this.owner = agentSettings.instanceName() != null ? agentSettings.instanceName()
        : defaultInstanceName();

    this.database = Database.open(agentSettings.database());
    this.submissions = new SubmissionStore(database.dialect(), clock);
    this.eventLog = new EventLogStore(database.dialect(), clock);
    this.runs = new ProcessRunStore(database.dialect(), clock);
    this.checkpoints = new CheckpointStore(clock);
    this.quarantine = new QuarantineStore(database.dialect(), clock);
    this.leases = new LeaseStore(database.dialect());

    if (kinesis != null) {
      // Commands that only read the database work while Kinesis is unreachable, so the stream
      // is awaited when it is first used.
      this.stream = KinesisEventStream.create(kinesis, settings.liveLookup(), registry);
      this.relay = new OutboxRelay(database, new OutboxStore(clock), leases, quarantine,
          stream.publisher(), stream.name(), owner, agentSettings.lease(),
          Duration.ofMillis(200));
      this.writer = relay;
    } else {
      LocalEventStream local = new LocalEventStream(database, streamName(settings), clock);
      this.stream = local;
      this.relay = null;
      this.writer = local;
    }

    Projector projector = new Projector();
    this.emitter = new EventEmitter(submissions, eventLog, writer, projector, clock);
    StateUpdater states = new StateUpdater(submissions, eventLog, projector, clock);
    this.dispatcher = new Dispatcher(rules, catalogLookup(), states, eventLog, runs,
        checkpoints, quarantine, emitter, clock);
    ProcessServices services = new StoreProcessServices(database, submissions);
    StepRunner stepRunner = new StepRunner(services, clock, new SecureRandom());
    this.worker = new ProcessWorker(database, runs, emitter, stepRunner, catalogLookup(), clock,
        new RunnerMetrics(registry));
    this.consumerMetrics = new ConsumerMetrics(registry);
  }

  /**
   * Opens the runtime: checks the settings, connects to the database and applies migrations.
   *
   * @throws IllegalArgumentException naming the setting when the configuration is invalid
   */
  public static AgentRuntime open(Settings settings, Clock clock, MeterRegistry registry) {
    return new AgentRuntime(settings, clock, registry);
  }

  static String streamName(Settings settings) {
    return settings.get("KINESIS_STREAM", "SubmissionEvents");
  }

  /** Returns the process lookup by name used by the dispatcher and the workers. */
  public Function<String, Optional<ProcessDefinition>> catalogLookup() {
    return catalog::find;
  }

  /**
   * Opens the job queue; with {@code workerThreads > 0} this process also runs steps. Runs whose
   * hand-over to the queue was interrupted are queued now.
   */
  public JobQueue openQueue(int workerThreads) {
    JobQueue queue = JobQueue.open(database, runs, worker, workerThreads,
        agentSettings.queuePoll(), clock);
    queue.enqueueUnqueued();
    return queue;
  }

  /** Starts consuming the stream, dispatching to the given queue. */
  public StreamConsumer startConsumer(JobQueue queue) {
    String onlyShard = kinesis != null ? kinesis.shardId() : null;
    StartPosition start = kinesis != null ? kinesis.initialPosition()
        : new StartPosition.TrimHorizon();
    awaitStream();
    if (onlyShard != null) {
      List<String> shardIds = stream.listShards().stream().map(ShardInfo::shardId).toList();
      if (!shardIds.contains(onlyShard)) {
        throw new IllegalArgumentException("KINESIS_SHARD_ID: stream " + stream.name()
            + " has no shard " + onlyShard + "; its shards are " + String.join(", ", shardIds));
      }
    }
    StreamConsumer consumer = new StreamConsumer(stream, onlyShard, start, database, dispatcher,
        checkpoints, leases, queue, consumerSettings(), consumerMetrics);
    consumer.start();
    return consumer;
  }

  /**
   * Starts publishing emitted events to the external stream; the embedded stream needs no
   * relay because events are appended to it directly.
   */
  public void startRelay() {
    if (relay != null) {
      awaitStream();
      relay.start();
    }
  }

  /** Returns how many emitted records wait to be put on the external stream. */
  public int pendingOutbox() {
    return relay == null ? 0 : relay.pending();
  }

  private ConsumerSettings consumerSettings() {
    // The Kinesis reader paces its own calls, so the consumer does not sleep on top of it.
    int batchSize = kinesis != null ? kinesis.batchSize() : agentSettings.batchSize();
    Duration idleSleep = kinesis != null ? Duration.ZERO : agentSettings.idleSleep();
    return new ConsumerSettings(batchSize, idleSleep, agentSettings.lease(),
        agentSettings.maxHandleAttempts(), owner);
  }

  private static String defaultInstanceName() {
    String host;
    try {
      host = InetAddress.getLocalHost().getHostName();
    } catch (UnknownHostException e) {
      host = "agent";
    }
    return host + "-" + UUID.randomUUID().toString().substring(0, 8);
  }

  public Settings settings() {
    return settings;
  }

  public AgentSettings agentSettings() {
    return agentSettings;
  }

  public Clock clock() {
    return clock;
  }

  public Database database() {
    return database;
  }

  /** Returns the stream, once it accepts reads and writes. */
  public EventStream stream() {
    awaitStream();
    return stream;
  }

  private void awaitStream() {
    if (stream instanceof KinesisEventStream kinesisStream
        && streamReady.compareAndSet(false, true)) {
      try {
        kinesisStream.awaitActive();
      } catch (RuntimeException e) {
        streamReady.set(false);
        throw e;
      }
    }
  }

  public RuleRegistry rules() {
    return rules;
  }

  public ProcessWorker worker() {
    return worker;
  }

  public Dispatcher dispatcher() {
    return dispatcher;
  }

  public SubmissionStore submissions() {
    return submissions;
  }

  public EventLogStore eventLog() {
    return eventLog;
  }

  public ProcessRunStore runs() {
    return runs;
  }

  public QuarantineStore quarantine() {
    return quarantine;
  }

  public CheckpointStore checkpoints() {
    return checkpoints;
  }

  public ConsumerMetrics consumerMetrics() {
    return consumerMetrics;
  }

  @Override
  public void close() {
    if (relay != null) {
      relay.close();
    }
    stream.close();
    database.close();
  }
}
