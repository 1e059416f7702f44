package org.arxiv.submission.agent.process;

import java.util.Objects;

/**
 * One step of a process: a name (as in the original, for status events), its retry policy and
 * the work it does.
 */
public record Step(String name, RetryPolicy retry, StepFunction function) {

  /**
   * The work of a step. It returns a result for the next step (JSON, or null), emits events
   * through the context, and signals failure with {@link StepFailed} (final) or any other
   * exception (retried by the policy).
   */
  @FunctionalInterface
  public interface StepFunction {
    com.fasterxml.jackson.databind.JsonNode run(StepContext context) throws Exception;
  }

  public Step {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(retry, "retry");
    Objects.requireNonNull(function, "function");
  }
}
