package org.arxiv.submission.agent.process;

/**
 * Thrown by a step that should run again after its retry delay: a transient error, or work
 * that is not finished yet (polling). Any other unchecked exception is treated the same way.
 */
public class StepRetry extends RuntimeException {

  public StepRetry(String message) {
    super(message);
  }

  public StepRetry(String message, Throwable cause) {
    super(message, cause);
  }
}
