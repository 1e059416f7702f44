package org.arxiv.submission.agent.runner;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Clock;
import java.util.random.RandomGenerator;
import org.arxiv.submission.agent.process.ProcessDefinition;
import org.arxiv.submission.agent.process.ProcessServices;
import org.arxiv.submission.agent.process.RetryPolicy;
import org.arxiv.submission.agent.process.Step;
import org.arxiv.submission.agent.process.StepContext;
import org.arxiv.submission.agent.process.StepFailed;
import org.arxiv.submission.agent.process.Trigger;

/**
 * Runs one attempt of one step and decides, by the step's retry policy, what follows. The one
 * retry model of the agent: workers reschedule by the returned delay, and the dry run skips
 * retries.
 */
public final class StepRunner {

  private final ProcessServices services;
  private final Clock clock;
  private final RandomGenerator random;

  public StepRunner(ProcessServices services, Clock clock, RandomGenerator random) {
    this.services = services;
    this.clock = clock;
    this.random = random;
  }

  /**
   * Runs step {@code stepIndex} of the process.
   *
   * @param retriesDone how many times this step has already been retried
   */
  public StepOutcome run(ProcessDefinition process, int stepIndex, String processId,
      Trigger trigger, JsonNode previousResult, int retriesDone) {
    Step step = process.step(stepIndex);
    StepContext context =
        new StepContext(process, processId, trigger, previousResult, services, clock);
    try {
      JsonNode result = step.function().run(context);
      return new StepOutcome.Succeeded(result, context.emitted());
    } catch (StepFailed e) {
      return new StepOutcome.Failed(e.getMessage());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return retryOrGiveUp(step.retry(), retriesDone, "interrupted");
    } catch (Exception e) {
      return retryOrGiveUp(step.retry(), retriesDone, describe(e));
    }
  }

  private StepOutcome retryOrGiveUp(RetryPolicy policy, int retriesDone, String error) {
    if (policy.allowsRetry(retriesDone)) {
      return new StepOutcome.Retry(policy.delayBeforeRetry(retriesDone, random), error);
    }
    return new StepOutcome.Failed("gave up after " + retriesDone + " retries: " + error);
  }

  private static String describe(Exception e) {
    String message = e.getMessage();
    return e.getClass().getSimpleName() + (message == null ? "" : ": " + message);
  }
}
