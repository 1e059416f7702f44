package org.arxiv.submission.agent.runner;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.kagkarlsson.scheduler.task.CompletionHandler;
import com.github.kagkarlsson.scheduler.task.ExecutionContext;
import com.github.kagkarlsson.scheduler.task.TaskInstance;
import com.github.kagkarlsson.scheduler.task.helper.CustomTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.Schedules;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import org.arxiv.submission.agent.domain.Event;
import org.arxiv.submission.agent.domain.ProcessStatusValue;
import org.arxiv.submission.agent.process.ProcessDefinition;
import org.arxiv.submission.agent.process.Trigger;
import org.arxiv.submission.agent.store.Database;
import org.arxiv.submission.agent.store.ProcessRun;
import org.arxiv.submission.agent.store.ProcessRunStore;
import org.arxiv.submission.agent.wire.Json;
import org.arxiv.submission.agent.wire.RecordCodec;
import org.arxiv.submission.agent.wire.RecordDecodeException;
import org.arxiv.submission.agent.wire.StreamRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/**
 * Runs process steps taken from the job queue. One queue execution per process carries the
 * index of the step to run. After a step succeeds, the execution is rescheduled with the next
 * index. After a transient failure, it is rescheduled with the same index and the retry delay.
 *
 * <p>A step may run more than once when a worker dies mid-step, but its outcome is recorded at
 * most once: the transaction that applies a step's events first checks, under a row lock, that
 * the process still expects that step.
 */
public final class ProcessWorker {

  /** The job queue's task name for process steps. */
  public static final String TASK_NAME = "process-step";

  /** Queue data: the index of the step to run next. */
  public record StepTask(int step) {}

  private static final Logger log = LoggerFactory.getLogger(ProcessWorker.class);

  /** How long the queue waits before running a step again whose bookkeeping failed. */
  private static final Duration INFRASTRUCTURE_RETRY = Duration.ofSeconds(10);

  private final Database database;
  private final ProcessRunStore runs;
  private final EventEmitter emitter;
  private final StepRunner stepRunner;
  private final Function<String, Optional<ProcessDefinition>> catalog;
  private final Clock clock;
  private final RunnerMetrics metrics;
  private final CustomTask<StepTask> task;

  public ProcessWorker(Database database, ProcessRunStore runs, EventEmitter emitter,
      StepRunner stepRunner, Function<String, Optional<ProcessDefinition>> catalog, Clock clock,
      RunnerMetrics metrics) {
    this.database = database;
    this.runs = runs;
    this.emitter = emitter;
    this.stepRunner = stepRunner;
    this.catalog = catalog;
    this.clock = clock;
    this.metrics = metrics;
    this.task = Tasks.custom(TASK_NAME, StepTask.class)
        .onFailureReschedule(Schedules.fixedDelay(INFRASTRUCTURE_RETRY))
        .execute(this::execute);
  }

  /** Returns the queue task whose executions run the steps. */
  public CustomTask<StepTask> task() {
    return task;
  }

  private CompletionHandler<StepTask> execute(TaskInstance<StepTask> instance,
      ExecutionContext context) {
    String processId = instance.getId();
    int step = instance.getData().step();
    MDC.put("processId", processId);
    try {
      return runStep(processId, step);
    } finally {
      MDC.remove("processId");
    }
  }

  private CompletionHandler<StepTask> runStep(String processId, int step) {
    ProcessRun run = database.inTransaction(c -> runs.find(c, processId, false)).orElse(null);
    if (run == null || run.isFinished()) {
      log.info("Process {} is {}; dropping its queued step {}", processId,
          run == null ? "unknown" : run.status(), step);
      return (complete, operations) -> operations.remove();
    }
    if (run.nextStep() != step) {
      int next = run.nextStep();
      return (complete, operations) ->
          operations.reschedule(complete, clock.instant(), new StepTask(next));
    }
    Optional<ProcessDefinition> process = catalog.apply(run.process());
    if (process.isEmpty()) {
      return fail(run, null, null, "no process named " + run.process() + " is registered");
    }
    Trigger trigger;
    try {
      trigger = triggerOf(run);
    } catch (RecordDecodeException | JsonProcessingException e) {
      return fail(run, process.get(), null, "stored trigger cannot be decoded: " + e.getMessage());
    }
    ProcessDefinition definition = process.get();
    String stepName = definition.step(step).name();
    StepOutcome outcome = stepRunner.run(definition, step, processId, trigger,
        lastResult(run), run.stepAttempts());
    if (outcome instanceof StepOutcome.Succeeded succeeded) {
      return succeed(run, definition, trigger, succeeded);
    }
    if (outcome instanceof StepOutcome.Retry retry) {
      return retry(run, stepName, retry);
    }
    return fail(run, definition, trigger, ((StepOutcome.Failed) outcome).reason());
  }

  private CompletionHandler<StepTask> succeed(ProcessRun run, ProcessDefinition process,
      Trigger trigger, StepOutcome.Succeeded outcome) {
    int step = run.nextStep();
    String stepName = process.step(step).name();
    boolean last = step == process.steps().size() - 1;
    boolean recorded = database.inTransaction(c -> {
      if (!stillExpects(c, run.processId(), step)) {
        return false;
      }
      List<Event> events = new ArrayList<>(outcome.emitted());
      events.add(ProcessStatusEvents.of(process, run.processId(), run.submissionId(), stepName,
          last ? ProcessStatusValue.SUCCEEDED : ProcessStatusValue.IN_PROGRESS, null));
      EventEmitter.Emission emission = emitter.emit(c, run.submissionId(), trigger.after(),
          events, run.processId(), stepName);
      String note = emission.rejected().isEmpty() ? null
          : "not applied: " + String.join("; ", emission.rejected());
      runs.updateProgress(c, run.processId(), last ? ProcessRun.SUCCEEDED : ProcessRun.IN_PROGRESS,
          step + 1, 0, appendResult(run, outcome.result()), note);
      metrics.eventsEmitted(emission.applied().size());
      return true;
    });
    if (recorded) {
      log.info("Process {} {} step {} succeeded, {} events emitted", process.name(),
          run.processId(), stepName, outcome.emitted().size());
      if (last) {
        metrics.processFinished(process.name(), ProcessRun.SUCCEEDED);
      }
    }
    if (last || !recorded) {
      return (complete, operations) -> operations.remove();
    }
    return (complete, operations) ->
        operations.reschedule(complete, clock.instant(), new StepTask(step + 1));
  }

  private CompletionHandler<StepTask> retry(ProcessRun run, String stepName,
      StepOutcome.Retry outcome) {
    int attempts = run.stepAttempts() + 1;
    boolean recorded = database.inTransaction(c -> {
      if (!stillExpects(c, run.processId(), run.nextStep())) {
        return false;
      }
      runs.updateProgress(c, run.processId(), run.status(), run.nextStep(), attempts,
          run.stepResults(), "retry " + attempts + " of step " + stepName + " after: "
              + outcome.error());
      return true;
    });
    if (!recorded) {
      // Another execution finished this step meanwhile; the next run looks at the new state.
      return (complete, operations) -> operations.reschedule(complete, clock.instant(),
          new StepTask(run.nextStep()));
    }
    log.warn("Process {} {} step {} failed ({}); retry {} in {} ms", run.process(),
        run.processId(), stepName, outcome.error(), attempts, outcome.delay().toMillis());
    metrics.stepRetried(run.process());
    return (complete, operations) -> operations.reschedule(complete,
        clock.instant().plus(outcome.delay()), new StepTask(run.nextStep()));
  }

  private CompletionHandler<StepTask> fail(ProcessRun run, ProcessDefinition process,
      Trigger trigger, String reason) {
    String stepName = process == null || run.nextStep() >= process.steps().size() ? null
        : process.step(run.nextStep()).name();
    database.inTransaction(c -> {
      if (!stillExpects(c, run.processId(), run.nextStep())) {
        return null;
      }
      if (process != null && run.submissionId() != null) {
        Event status = ProcessStatusEvents.of(process, run.processId(), run.submissionId(),
            stepName, ProcessStatusValue.FAILED, reason);
        emitter.emit(c, run.submissionId(), trigger == null ? null : trigger.after(),
            List.of(status), run.processId(), stepName);
      }
      runs.updateProgress(c, run.processId(), ProcessRun.FAILED, run.nextStep(),
          run.stepAttempts(), run.stepResults(), reason);
      return null;
    });
    log.error("Process {} {} failed at step {}: {}; it stops here, and once the cause is fixed"
        + " `retry {}` runs it again from this step", run.process(), run.processId(), stepName,
        reason, run.processId());
    metrics.processFinished(run.process(), ProcessRun.FAILED);
    return (complete, operations) -> operations.remove();
  }

  /**
   * Opens a failed run again from the step that failed, in the caller's transaction, with a
   * fresh retry budget, and records the restart as an IN_PROGRESS status event of that step.
   * The caller queues the step.
   */
  public void reopen(Connection connection, ProcessRun failed) throws SQLException {
    runs.updateProgress(connection, failed.processId(), ProcessRun.IN_PROGRESS,
        failed.nextStep(), 0, failed.stepResults(), "retry requested after: " + failed.reason());
    Optional<ProcessDefinition> process = catalog.apply(failed.process());
    if (process.isEmpty() || failed.submissionId() == null
        || failed.nextStep() >= process.get().steps().size()) {
      return;
    }
    String stepName = process.get().step(failed.nextStep()).name();
    Trigger trigger;
    try {
      trigger = triggerOf(failed);
    } catch (RecordDecodeException | JsonProcessingException e) {
      trigger = null;
    }
    Event status = ProcessStatusEvents.of(process.get(), failed.processId(),
        failed.submissionId(), stepName, ProcessStatusValue.IN_PROGRESS, null);
    emitter.emit(connection, failed.submissionId(), trigger == null ? null : trigger.after(),
        List.of(status), failed.processId(), stepName);
  }

  private boolean stillExpects(Connection connection, String processId, int step)
      throws SQLException {
    Optional<ProcessRun> locked = runs.find(connection, processId, true);
    return locked.isPresent() && !locked.get().isFinished() && locked.get().nextStep() == step;
  }

  /** Rebuilds the trigger from the stored record and parameters. */
  static Trigger triggerOf(ProcessRun run) throws RecordDecodeException, JsonProcessingException {
    StreamRecord record = RecordCodec.decode(run.triggerRecord());
    ObjectNode params = (ObjectNode) Json.mapper().readTree(run.params());
    return new Trigger(record.event(), record.before(), record.after(), params);
  }

  private static JsonNode lastResult(ProcessRun run) {
    JsonNode results = parseResults(run);
    return results.isEmpty() ? null : results.get(results.size() - 1);
  }

  private static String appendResult(ProcessRun run, JsonNode result) {
    ArrayNode results = parseResults(run);
    results.add(result);
    return results.toString();
  }

  private static ArrayNode parseResults(ProcessRun run) {
    try {
      return (ArrayNode) Json.mapper().readTree(run.stepResults());
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("step results of process " + run.processId()
          + " are not a JSON array", e);
    }
  }
}
