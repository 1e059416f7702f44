package org.arxiv.submission.agent.process;

/**
 * Thrown by a step that has failed for good: the step is not retried and the process stops
 * with status FAILED and this message as its reason.
 */
public class StepFailed extends RuntimeException {

  public StepFailed(String message) {
    super(message);
  }

  public StepFailed(String message, Throwable cause) {
    super(message, cause);
  }
}
