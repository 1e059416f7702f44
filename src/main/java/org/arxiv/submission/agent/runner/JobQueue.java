package org.arxiv.submission.agent.runner;

import com.github.kagkarlsson.scheduler.Scheduler;
import com.github.kagkarlsson.scheduler.SchedulerBuilder;
import com.github.kagkarlsson.scheduler.SchedulerClient;
import com.github.kagkarlsson.scheduler.jdbc.AutodetectJdbcCustomization;
import com.github.kagkarlsson.scheduler.jdbc.JdbcCustomization;
import com.github.kagkarlsson.scheduler.serializer.JacksonSerializer;
import com.github.kagkarlsson.scheduler.task.helper.CustomTask;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.arxiv.submission.agent.store.Database;
import org.arxiv.submission.agent.store.Dialect;
import org.arxiv.submission.agent.store.ProcessRun;
import org.arxiv.submission.agent.store.ProcessRunStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The durable queue of process steps, kept in the agent database by db-scheduler so that any
 * number of worker processes can share it.
 *
 * <p>The consumer commits a process run with its record's checkpoint and hands it to the
 * queue after the commit. A run whose hand-over was lost (a crash between the two) is found by
 * {@link #enqueueUnqueued()}, which the agent calls at start and periodically; scheduling is
 * idempotent, so a run is never queued twice.
 */
public final class JobQueue implements AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(JobQueue.class);

  private final Database database;
  private final ProcessRunStore runs;
  private final CustomTask<ProcessWorker.StepTask> task;
  private final SchedulerClient client;
  private final Scheduler scheduler;
  private final Clock clock;

  private JobQueue(Database database, ProcessRunStore runs, CustomTask<ProcessWorker.StepTask> task,
      SchedulerClient client, Scheduler scheduler, Clock clock) {
    this.database = database;
    this.runs = runs;
    this.task = task;
    this.client = client;
    this.scheduler = scheduler;
    this.clock = clock;
  }

  /**
   * Opens the queue. With {@code workerThreads > 0} this process also runs steps; with 0 it
   * only enqueues, for a consumer whose workers run elsewhere.
   */
  public static JobQueue open(Database database, ProcessRunStore runs, ProcessWorker worker,
      int workerThreads, Duration pollingInterval, Clock clock) {
    CustomTask<ProcessWorker.StepTask> task = worker.task();
    // MariaDB's DATETIME has no zone, so every writer and reader of the queue must agree on
    // UTC; otherwise a client in a zone east of UTC queues jobs that workers see as future.
    JdbcCustomization jdbc = new AutodetectJdbcCustomization(database.dataSource(),
        database.dialect() == Dialect.MARIADB);
    if (workerThreads <= 0) {
      SchedulerClient client = SchedulerClient.Builder.create(database.dataSource(), task)
          .serializer(new JacksonSerializer())
          .jdbcCustomization(jdbc)
          .build();
      return new JobQueue(database, runs, task, client, null, clock);
    }
    SchedulerBuilder builder = Scheduler.create(database.dataSource(), task)
        .serializer(new JacksonSerializer())
        .jdbcCustomization(jdbc)
        .threads(workerThreads)
        .pollingInterval(pollingInterval)
        .heartbeatInterval(Duration.ofSeconds(10))
        .enableImmediateExecution()
        .shutdownMaxWait(Duration.ofSeconds(30));
    Scheduler scheduler = builder.build();
    scheduler.start();
    log.info("Workers started: {} threads polling the job queue every {} ms", workerThreads,
        pollingInterval.toMillis());
    return new JobQueue(database, runs, task, scheduler, scheduler, clock);
  }

  /** Queues the first step of each run and records the hand-over. */
  public void enqueue(List<String> processIds) {
    for (String processId : processIds) {
      enqueueStep(processId, 0);
    }
  }

  /** Queues the given step of a run unless the run already has a queued step. */
  public void enqueueStep(String processId, int step) {
    client.scheduleIfNotExists(
        task.instance(processId, new ProcessWorker.StepTask(step)), clock.instant());
    database.inTransaction(c -> {
      runs.markQueued(c, processId);
      return null;
    });
  }

  /** Queues every committed run that was not handed to the queue, and returns how many. */
  public int enqueueUnqueued() {
    List<ProcessRun> pending = database.inTransaction(c -> runs.listUnqueued(c, 1000));
    for (ProcessRun run : pending) {
      enqueueStep(run.processId(), run.nextStep());
    }
    if (!pending.isEmpty()) {
      log.info("Queued {} process runs whose hand-over to the queue had not completed",
          pending.size());
    }
    return pending.size();
  }

  @Override
  public void close() {
    if (scheduler != null) {
      scheduler.stop();
    }
  }
}
