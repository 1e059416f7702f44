package org.arxiv.submission.agent.store;

import java.time.Instant;

/**
 * One process a rule started: its trigger, progress and outcome.
 *
 * @param status {@code pending}, {@code in_progress}, {@code succeeded} or {@code failed}
 * @param nextStep index of the step to run next; equals the step count once all succeeded
 * @param stepAttempts failed attempts of the next step so far
 * @param stepResults JSON array with the result of each finished step
 * @param triggerRecord the trigger as a stream record in the wire format
 * @param params the rule's parameters as a JSON object
 * @param queued whether the run has been handed to the job queue
 */
public record ProcessRun(
    String processId,
    String process,
    Long submissionId,
    String triggerEventId,
    String triggerEventType,
    String triggerRecord,
    String params,
    String status,
    int nextStep,
    int stepAttempts,
    String stepResults,
    String reason,
    boolean queued,
    String streamName,
    String shardId,
    String sequenceNumber,
    Instant created,
    Instant updated) {

  public static final String PENDING = "pending";
  public static final String IN_PROGRESS = "in_progress";
  public static final String SUCCEEDED = "succeeded";
  public static final String FAILED = "failed";

  public boolean isFinished() {
    return SUCCEEDED.equals(status) || FAILED.equals(status);
  }
}
